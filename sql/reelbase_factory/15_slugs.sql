-- Dossier slugs: made from the name when an INSERT gives none (seed: "auto-generated from
-- name"), lower-case ASCII with diacritics folded, words joined by "-" (factory.slugify, Swift:
-- ReelbaseCore's Slug, as stories makes topic slugs), unique with a numeric suffix: the first
-- "acne-patch", then "acne-patch-2", "acne-patch-3", ...
--
-- Concurrency: idx_dossiers_slug is the arbiter; whatever this trigger decides, no two rows
-- share a slug. Writers that generate from the same base take a transaction-level advisory
-- lock on it before probing, so under READ COMMITTED the second one waits for the first to
-- commit and then sees its slug (each probe takes a new snapshot) and takes the next suffix.
-- A slug given explicitly by a concurrent writer, or one committed after a REPEATABLE READ
-- snapshot, is only caught by the index: 23505, and a retry of the statement picks the next
-- free suffix.

CREATE FUNCTION factory.slugify(name text, suffix integer DEFAULT 1)
  RETURNS text
  LANGUAGE c IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = pg_catalog, pg_temp
  AS 'MODULE_PATHNAME', 'factory_slugify';
COMMENT ON FUNCTION factory.slugify(text, integer) IS
  'The URL slug of name: lower-case ASCII letters and digits, Latin diacritics folded (é -> e, ß -> ss), other characters separating words joined by "-", at most 100 bytes; suffix n > 1 appends "-n" within the 100 bytes. '''' when name has no letter or digit. Errors: 22023 suffix below 1.';

CREATE FUNCTION factory.dossier_slug() RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  base text;
  candidate text;
  n integer := 1;
BEGIN
  IF NEW.slug IS NOT NULL OR NEW.name IS NULL THEN
    RETURN NEW;
  END IF;
  base := factory.slugify(NEW.name, 1);
  IF base = '' THEN
    RAISE EXCEPTION 'the dossier name "%" has no letter or digit to make a slug of', pg_catalog.left(NEW.name, 40)
      USING ERRCODE = 'invalid_parameter_value', HINT = 'Give the dossier a slug.';
  END IF;
  -- As the owner: slugs are unique across every owner's dossiers; this learns only which are taken.
  PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended('factory.cf_product_dossiers.slug:' || base, 0));
  candidate := base;
  WHILE EXISTS (SELECT FROM factory.cf_product_dossiers AS d WHERE d.slug = candidate) LOOP
    n := n + 1;
    IF n > 1000 THEN
      RAISE EXCEPTION 'no free slug for "%" (% to %-1000 are taken)', base, base, base
        USING ERRCODE = 'unique_violation', HINT = 'Give the dossier a slug.';
    END IF;
    candidate := factory.slugify(NEW.name, n);
  END LOOP;
  NEW.slug := candidate;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION factory.dossier_slug() IS
  'Trigger on factory.cf_product_dossiers: an INSERT without a slug gets factory.slugify(name), with the lowest free suffix -2, -3, ... when taken. Errors: 22023 a name without letters or digits; 23505 no free suffix up to 1000.';
REVOKE ALL ON FUNCTION factory.dossier_slug() FROM PUBLIC;
CREATE TRIGGER dossier_slug BEFORE INSERT ON factory.cf_product_dossiers
  FOR EACH ROW EXECUTE FUNCTION factory.dossier_slug();
