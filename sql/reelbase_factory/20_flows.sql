-- Status flows (seed 001's "Status Flow" diagrams), for every writer, plain UPDATEs included:
--   dossiers:          draft -> active -> archived
--   images, videos:    pending -> generating -> completed | failed
--   assembled content: draft -> rendering -> ready -> published; failed from rendering (the
--                      seed's arrow) or ready (a publish that failed)
--   A/B tests:         draft -> running -> completed | cancelled, and completed or cancelled
--                      straight from draft (the seed draws no flow; evaluate_ab_test completes
--                      a test in either live state)
-- A refused move is 55000, as publishing's videos_rules. The end states are final. A new row
-- starts where its flow starts: reelbase_app is not granted status on INSERT (23_grants.sql),
-- so the default applies; administrators may insert any state (imports).
-- And the seed's updated_at trigger of dossiers, on the core's function.

CREATE FUNCTION factory.status_flow() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- TG_ARGV holds the allowed moves, each 'from>to'.
  IF NEW.status IS DISTINCT FROM OLD.status
     AND NOT ((OLD.status || '>' || NEW.status) = ANY (TG_ARGV)) THEN
    RAISE EXCEPTION '% % cannot move from status % to %', TG_TABLE_NAME, OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'object_not_in_prerequisite_state',
            HINT = 'Allowed moves: ' || pg_catalog.array_to_string(TG_ARGV, ', ') || '.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION factory.status_flow() IS
  'Trigger on the factory tables with a status flow: an UPDATE may change status only by one of the moves the trigger names (''from>to''); anything else is 55000.';
REVOKE ALL ON FUNCTION factory.status_flow() FROM PUBLIC;

CREATE TRIGGER dossiers_status_flow BEFORE UPDATE OF status ON factory.cf_product_dossiers
  FOR EACH ROW EXECUTE FUNCTION factory.status_flow('draft>active', 'active>archived');
CREATE TRIGGER images_status_flow BEFORE UPDATE OF status ON factory.cf_generated_images
  FOR EACH ROW EXECUTE FUNCTION factory.status_flow('pending>generating', 'generating>completed', 'generating>failed');
CREATE TRIGGER videos_status_flow BEFORE UPDATE OF status ON factory.cf_generated_videos
  FOR EACH ROW EXECUTE FUNCTION factory.status_flow('pending>generating', 'generating>completed', 'generating>failed');
CREATE TRIGGER assembled_status_flow BEFORE UPDATE OF status ON factory.cf_assembled_content
  FOR EACH ROW EXECUTE FUNCTION factory.status_flow('draft>rendering', 'rendering>ready', 'ready>published',
                                                    'rendering>failed', 'ready>failed');

CREATE TRIGGER ab_tests_status_flow BEFORE UPDATE OF status ON factory.cf_ab_tests
  FOR EACH ROW EXECUTE FUNCTION factory.status_flow('draft>running', 'draft>completed', 'draft>cancelled',
                                                    'running>completed', 'running>cancelled');

-- A winner is one of the test's variants, whoever writes it.
CREATE FUNCTION factory.ab_test_winner() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.winner_id IS NOT NULL AND NOT EXISTS (
       SELECT FROM pg_catalog.unnest(NEW.variants) AS v
       WHERE pg_catalog.lower(v OPERATOR(pg_catalog.->>) 'published_content_id') OPERATOR(pg_catalog.=) NEW.winner_id::text) THEN
    RAISE EXCEPTION 'the winner % is not one of the A/B test''s variants', NEW.winner_id
      USING ERRCODE = 'invalid_parameter_value', HINT = 'The winner is the published_content_id of one of the variants.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION factory.ab_test_winner() IS
  'Trigger on factory.cf_ab_tests: winner_id names one of the variants'' published contents (22023 otherwise).';
REVOKE ALL ON FUNCTION factory.ab_test_winner() FROM PUBLIC;
CREATE TRIGGER ab_tests_winner BEFORE INSERT OR UPDATE OF winner_id, variants ON factory.cf_ab_tests
  FOR EACH ROW EXECUTE FUNCTION factory.ab_test_winner();

CREATE TRIGGER update_dossier_updated_at BEFORE UPDATE ON factory.cf_product_dossiers
  FOR EACH ROW EXECUTE FUNCTION reelbase.set_updated_at();
