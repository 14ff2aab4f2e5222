-- A new bible version of this client's own scene, INSERTed into stories.scene_bibles. Both
-- variants run this script: "validated" with the check trigger (the bible schema through
-- reelbase.jsonschema_validation_errors), "plain" with it disabled (10_bible.sh).
SELECT bible_version + 1 AS v FROM stories.scenes WHERE id = bench.scene(:client_id + 1) \gset
INSERT INTO stories.scene_bibles (scene_id, version, data)
SELECT bench.scene(:client_id + 1), :v, jsonb_set(t.data, '{version}', to_jsonb(:v::integer)) FROM bench.bible_template t;
