-- stories, part 1 of 3: accounts and the curated structure (seed 004 sections 2.1-2.2): users,
-- oauth_accounts, topics, user_topics, categories. Part 2 (11) holds the content tables, part 3
-- (12) the partitioned segments and jobs.
--
-- Columns, types, defaults and constraint names are the seed's; constraints the seed leaves
-- unnamed carry the names PostgreSQL would give them, written out so they never drift. Times
-- are timestamptz, as the seed has them. Deviations are listed in docs/stories.md.
-- Every table is user data and registered with pg_extension_config_dump.

CREATE SCHEMA stories;
COMMENT ON SCHEMA stories IS
  'reelbase collaborative stories (seed 004): users, topics and categories, ideas, scenes, partitioned segments and jobs, scene bibles, moderation, views and likes.';

CREATE TABLE stories.users (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  email varchar(255) NOT NULL,
  password_hash varchar(255),
  username varchar(50) NOT NULL,
  display_name varchar(100),
  avatar_url varchar(500),
  bio text,
  role varchar(20) NOT NULL DEFAULT 'user',
  email_verified boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  last_login_at timestamptz,
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_username_key UNIQUE (username),
  CONSTRAINT users_role_check CHECK (role IN ('user', 'moderator', 'admin'))
);
SELECT pg_catalog.pg_extension_config_dump('stories.users', '');
COMMENT ON TABLE stories.users IS
  'Accounts. The id is the identity of reelbase.set_user_id(); role user, moderator or admin; an inactive account has no identity.';
COMMENT ON COLUMN stories.users.password_hash IS
  'Secret: NULL for OAuth-only users; not granted to reelbase_app at all.';
COMMENT ON COLUMN stories.users.role IS 'user, moderator or admin.';
COMMENT ON COLUMN stories.users.is_active IS 'false: the account has no identity (sees only what no identity sees).';

CREATE TABLE stories.oauth_accounts (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES stories.users (id) ON DELETE CASCADE,
  provider varchar(50) NOT NULL,
  provider_id varchar(255) NOT NULL,
  access_token text,
  refresh_token text,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT oauth_accounts_provider_provider_id_key UNIQUE (provider, provider_id)
);
SELECT pg_catalog.pg_extension_config_dump('stories.oauth_accounts', '');
COMMENT ON TABLE stories.oauth_accounts IS
  'OAuth identities linked to users (google, github). The tokens are secrets: read one''s own through stories.my_oauth_accounts().';
COMMENT ON COLUMN stories.oauth_accounts.provider IS 'google, github, ...';
COMMENT ON COLUMN stories.oauth_accounts.access_token IS 'Secret: not granted to reelbase_app; see stories.my_oauth_accounts().';
COMMENT ON COLUMN stories.oauth_accounts.refresh_token IS 'Secret: not granted to reelbase_app; see stories.my_oauth_accounts().';

CREATE TABLE stories.topics (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  name varchar(100) NOT NULL,
  slug varchar(100) NOT NULL,
  description text,
  icon_url varchar(500),
  is_curated boolean NOT NULL DEFAULT true,
  is_active boolean NOT NULL DEFAULT true,
  display_order integer NOT NULL DEFAULT 0,
  scene_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  updated_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT topics_slug_key UNIQUE (slug)
);
SELECT pg_catalog.pg_extension_config_dump('stories.topics', '');
COMMENT ON TABLE stories.topics IS 'Admin-curated topics that ideas and scenes belong to.';
COMMENT ON COLUMN stories.topics.scene_count IS 'Scenes of this topic, kept by the database (stories.scenes triggers).';

CREATE TABLE stories.user_topics (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES stories.users (id),
  name varchar(100) NOT NULL,
  description text,
  status varchar(20) NOT NULL DEFAULT 'pending',
  reviewed_by uuid REFERENCES stories.users (id),
  reviewed_at timestamptz,
  rejection_reason text,
  promoted_to_topic_id uuid REFERENCES stories.topics (id),
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT user_topics_status_check CHECK (status IN ('pending', 'approved', 'rejected'))
);
SELECT pg_catalog.pg_extension_config_dump('stories.user_topics', '');
COMMENT ON TABLE stories.user_topics IS
  'Topics proposed by users, pending until a moderator or admin approves (and may promote to a topic) or rejects them.';
COMMENT ON COLUMN stories.user_topics.promoted_to_topic_id IS 'The topic it became, if approved and promoted.';

CREATE TABLE stories.categories (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  topic_id uuid NOT NULL REFERENCES stories.topics (id) ON DELETE CASCADE,
  name varchar(100) NOT NULL,
  slug varchar(100) NOT NULL,
  description text,
  display_order integer NOT NULL DEFAULT 0,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
  CONSTRAINT categories_topic_id_slug_key UNIQUE (topic_id, slug)
);
SELECT pg_catalog.pg_extension_config_dump('stories.categories', '');
COMMENT ON TABLE stories.categories IS 'Categories within a topic (slug unique per topic), curated by admins.';
