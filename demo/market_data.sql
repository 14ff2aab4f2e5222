-- Demo data for the concept marketplace (market schema, seed 000), loaded by scripts/demo.sh
-- after demo/data.sql, as the table owner. Listings and purchases are not here: the
-- walkthrough makes them with market.list_concept and market.purchase_listing.
-- Ids: a1.. markets, b1 model, c1..c4 analysed videos, d1..d4 concepts.

INSERT INTO market.market_contexts (id, country_code, region_name, primary_language, purchasing_power_index,
                                    subtitle_priority, currency_code, notes) VALUES
  ('a1000000-0000-0000-0000-0000000000a1', 'US', 'United States', 'en', 1.0, 1, 'USD', 'Primary market, baseline pricing'),
  ('a1000000-0000-0000-0000-0000000000a2', 'ID', 'Indonesia', 'id', 0.25, 3, 'IDR', 'High potential market, low PPP'),
  ('a1000000-0000-0000-0000-0000000000a3', 'BR', 'Brazil', 'pt', 0.45, 4, 'BRL', NULL),
  ('a1000000-0000-0000-0000-0000000000a4', 'IN', 'India', 'hi', 0.28, 2, 'INR', NULL);

INSERT INTO market.model_versions (id, version_tag, trained_at, training_video_count, feature_weights,
                                   accuracy_metrics, notes, is_active) VALUES
  ('b1000000-0000-0000-0000-0000000000b1', 'v1.0', '2025-12-15 00:00+00', 200,
   '{"script.replicability.score": 0.82, "script.humor.comedyTiming": 0.65,
     "casting.actingSkillRequired": -0.55, "trends.memeDependent": -0.68,
     "production.shotComplexity": -0.42, "audio.soundEffects_count": -0.38,
     "flexibility.industryLock": -0.35, "standalone.worksWithoutContext": 0.45,
     "comedyStyle.contrastMechanism.present": 0.52}',
   '{"mae": 0.12, "rmse": 0.15, "r2": 0.68, "cross_validation_folds": 5, "test_set_size": 40}',
   'First production model. Strong on replicability prediction.', true);

-- Embeddings: deterministic 1,536-dimensional vectors; c2 is close to c1, c3 and c4 are not.
INSERT INTO market.analyzed_videos (id, video_url, video_id, platform, metadata, gcs_uri, visual_analysis,
                                    content_embedding, analyzed_at)
SELECT v.id::uuid, v.url, v.pid, v.platform, v.metadata::jsonb,
       'gs://hagen-video-analysis/videos/' || v.id || '.mp4', v.analysis::jsonb,
       (SELECT array_agg((sin(i * v.freq) + v.noise * cos(i * 7.0))::real ORDER BY i) FROM generate_series(1, 1536) i),
       '2025-12-03 12:59:40+00'
FROM (VALUES
  ('c1000000-0000-0000-0000-0000000000c1', 'https://www.tiktok.com/@kielekassidy/video/7263245062883085611',
   '7263245062883085611', 'tiktok',
   '{"author": {"uniqueId": "kielekassidy", "followerCount": 125000}, "stats": {"playCount": 2500000}, "hashtags": ["restaurant", "serverlife", "pov"]}',
   '{"script": {"replicability": {"score": 0.8}, "humor": {"comedyTiming": 0.7}}, "casting": {"actingSkillRequired": 0.3},
     "trends": {"memeDependent": false}, "production": {"shotComplexity": 0.2}, "audio": {"soundEffects_count": 1},
     "flexibility": {"industryLock": 0.4}, "standalone": {"worksWithoutContext": true},
     "comedyStyle": {"contrastMechanism": {"present": true}}}', 0.010, 0.0),
  ('c1000000-0000-0000-0000-0000000000c2', 'https://www.tiktok.com/@chef/video/7263245062883085999',
   '7263245062883085999', 'tiktok', '{"stats": {"playCount": 900000}}',
   '{"script": {"replicability": {"score": 0.6}, "humor": {"comedyTiming": 0.5}}, "trends": {"memeDependent": true},
     "production": {"shotComplexity": 0.5}}', 0.010, 0.2),
  ('c1000000-0000-0000-0000-0000000000c3', 'https://www.instagram.com/reel/Cx1', 'Cx1', 'instagram', NULL,
   '{"script": {"replicability": {"score": 0.3}}, "casting": {"actingSkillRequired": 0.8}}', 0.050, 0.0),
  ('c1000000-0000-0000-0000-0000000000c4', 'https://www.youtube.com/shorts/yt4', 'yt4', 'youtube', NULL,
   NULL, 0.090, 0.0)
) AS v(id, url, pid, platform, metadata, analysis, freq, noise);

INSERT INTO market.concepts (id, source_video_id, concept_core, template_description, required_elements,
                             variable_elements, origin_market_id, evergreen_eligible, archived) VALUES
  ('d1000000-0000-0000-0000-0000000000d1', 'c1000000-0000-0000-0000-0000000000c1',
   'Employee dreads admitting mistake to kitchen, cut to deadpan reaction',
   'Show person anxious about admitting mistake, cut to unexpected calm reaction from the people they''re worried about',
   ARRAY['Person expressing anxiety', 'Situation of admitting fault', 'Cut to reaction'],
   ARRAY['Type of mistake', 'Who they''re telling', 'The specific reaction (deadpan, supportive, etc.)'],
   'a1000000-0000-0000-0000-0000000000a1', true, false),
  ('d1000000-0000-0000-0000-0000000000d2', 'c1000000-0000-0000-0000-0000000000c2',
   'Chef tastes a dish, long pause, hands it back without a word',
   'Build expectation with a slow tasting shot, then undercut it with a silent rejection',
   ARRAY['Tasting shot', 'Pause'], ARRAY['The dish', 'Who hands it back'],
   'a1000000-0000-0000-0000-0000000000a1', true, false),
  ('d1000000-0000-0000-0000-0000000000d3', 'c1000000-0000-0000-0000-0000000000c3',
   'Trending sound lip-sync', 'Depends on this week''s sound', NULL, NULL,
   'a1000000-0000-0000-0000-0000000000a3', false, false),
  ('d1000000-0000-0000-0000-0000000000d4', 'c1000000-0000-0000-0000-0000000000c4',
   'Retired concept', NULL, NULL, NULL, NULL, true, true);

INSERT INTO market.viewer_overlays (concept_id, overlay_type, language_code, content, timestamp_start, timestamp_end) VALUES
  ('d1000000-0000-0000-0000-0000000000d1', 'scene_marker', 'en', 'SETUP', 0.0, 2.0),
  ('d1000000-0000-0000-0000-0000000000d1', 'subtitle', 'id', 'Hei semuanya, um...', 0.0, 1.5),
  ('d1000000-0000-0000-0000-0000000000d1', 'scene_marker', 'en', 'PAYOFF', 2.0, 5.0),
  ('d1000000-0000-0000-0000-0000000000d1', 'subtitle', 'id', 'Ah, aku sudah menangis.', 2.0, 3.5);

INSERT INTO market.feature_importance_snapshots (model_version_id, snapshot_at, training_count, top_positive_features,
                                                 top_negative_features, pruned_features, notes) VALUES
  ('b1000000-0000-0000-0000-0000000000b1', '2025-12-15 00:00+00', 200,
   '[{"feature": "script.replicability.score", "correlation": 0.82, "rank": 1},
     {"feature": "script.humor.comedyTiming", "correlation": 0.65, "rank": 2}]',
   '[{"feature": "trends.memeDependent", "correlation": -0.68, "rank": 1},
     {"feature": "casting.actingSkillRequired", "correlation": -0.55, "rank": 2}]',
   ARRAY['visual.colorDiversity', 'audio.musicGenre', 'content.emotionalTone'],
   'Pruned 15 features with |correlation| < 0.15');

-- Two raters of video c1: the owner and an agent. The AI prediction is what the model guessed
-- before the rating; its user_disagreement is computed by the database, not typed in here.
INSERT INTO market.video_ratings (video_id, overall_score, dimensions, notes, tags, ai_prediction, rater_id, rater_type) VALUES
  ('c1000000-0000-0000-0000-0000000000c1', 0.3,
   '{"hook": 0.5, "pacing": 0.56, "payoff": 0.43, "originality": 0.41, "rewatchable": 0.42}',
   'Somewhat amusing; relies on a TikTok sound, so the script is not strong.',
   ARRAY['restaurant', 'gen-z-humor', 'sound-dependent'],
   '{"overall": 0.7, "modelUsed": "base", "reasoning": "Strong hook, good pacing...",
     "dimensions": {"hook": 0.8, "pacing": 0.9, "payoff": 0.6, "originality": 0.6, "rewatchable": 0.6}}',
   '0a000000-0000-0000-0000-0000000000a0', 'owner'),
  ('c1000000-0000-0000-0000-0000000000c1', 0.45,
   '{"hook": 0.6, "pacing": 0.7, "payoff": 0.4, "originality": 0.5, "rewatchable": 0.4}',
   NULL, NULL,
   '{"overall": 0.7, "dimensions": {"hook": 0.8, "pacing": 0.9, "payoff": 0.6, "originality": 0.6, "rewatchable": 0.6}}',
   '0a000000-0000-0000-0000-0000000000a1', 'agent');
