-- Slugs: factory.slugify folds names to lower-case ASCII words joined by "-"; an INSERT
-- without a slug gets one, with the lowest free numeric suffix when taken (across every
-- owner's dossiers); a given slug is kept if well-formed and free.
\getenv abs_srcdir PG_ABS_SRCDIR
\set fixture :abs_srcdir '/sql/fixtures/factory.sql'
\i :fixture
\set VERBOSITY terse
\set ON_ERROR_ROLLBACK on

SELECT name, factory.slugify(name) AS slug FROM (VALUES ('Acne Patch'), ('  Crème Brûlée  Größe 2! '), ('ÆON Œuvre Þing Ðøk'),
  ('snake_case and CamelCase'), ('--a--b--'), ('日本語 only'), ('!!!'), (''), ('Ünïcödé + 100%')) AS t (name);
SELECT factory.slugify('Acne Patch', 1) AS s1, factory.slugify('Acne Patch', 2) AS s2, factory.slugify('Acne Patch', 1000) AS s1000,
       factory.slugify('!!!', 5) AS empty;
-- At most 100 bytes, never ending in "-", the suffix kept within them.
SELECT length(factory.slugify(repeat('ab ', 60))) AS len, right(factory.slugify(repeat('ab ', 60)), 3) AS tail,
       length(factory.slugify(repeat('ab ', 60), 12)) AS len_suffixed, right(factory.slugify(repeat('ab ', 60), 12), 4) AS tail_suffixed;
SELECT factory.slugify('x', 0);
SELECT factory.slugify(NULL) IS NULL AS null_in_null_out;

-- The fixture's dossiers got their slugs from their names.
SELECT id, slug FROM factory.cf_product_dossiers ORDER BY slug;
-- Collisions take -2, -3, ... whoever owns the taken slug; one statement's rows see each other.
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES ('ACNE patch!', :bob);
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES ('Acne  Patch', :ann), ('acne-patch', :ann);
SELECT slug, owner_id = :ann AS ann FROM factory.cf_product_dossiers WHERE slug LIKE 'acne-patch%' ORDER BY created_at, slug;
-- A freed suffix is taken again (the lowest free one).
DELETE FROM factory.cf_product_dossiers WHERE slug = 'acne-patch-2';
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES ('Acne Patch', :bob) RETURNING slug;
-- A given slug is kept; a taken one is a unique violation; a malformed one a check violation.
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) VALUES ('Acne Patch', 'my-acne-patch', :ann) RETURNING slug;
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) VALUES ('Whatever', 'acne-patch', :ann);
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) VALUES ('Whatever', 'Acne Patch', :ann);
-- A name with nothing to slug needs a slug.
\set VERBOSITY default
\set SHOW_CONTEXT never
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES ('!!! ???', :ann);
\set VERBOSITY terse
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) VALUES ('!!! ???', 'punctuation', :ann) RETURNING slug;
-- A long name: the suffix fits within 100 bytes.
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES (repeat('Long name ', 20), :ann), (repeat('Long name ', 20), :ann)
RETURNING length(slug), right(slug, 12);
-- Renaming keeps the slug (URLs stay); a slug can be changed explicitly.
UPDATE factory.cf_product_dossiers SET name = 'Renamed' WHERE id = :d2 RETURNING slug;
UPDATE factory.cf_product_dossiers SET slug = 'posture' WHERE id = :d2 RETURNING slug;
UPDATE factory.cf_product_dossiers SET slug = NULL WHERE id = :d2;
-- Every suffix taken up to 1000: 23505.
BEGIN;
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) SELECT 'Busy', 'busy', :ann;
INSERT INTO factory.cf_product_dossiers (name, slug, owner_id) SELECT 'Busy', 'busy-' || n, :ann FROM generate_series(2, 1000) AS n;
INSERT INTO factory.cf_product_dossiers (name, owner_id) VALUES ('Busy', :ann);
ROLLBACK;
