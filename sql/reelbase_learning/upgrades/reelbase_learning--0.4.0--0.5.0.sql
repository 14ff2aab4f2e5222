-- reelbase_learning 0.4.0 (adopted from reelbase 0.4.0) -> 0.5.0: nothing changes. The objects are those
-- reelbase 0.4.0 defined; the core's update already brought their C symbols to the 0.5.0 rule.
\echo Use "ALTER EXTENSION reelbase_learning UPDATE TO '0.5.0'" to load this file. \quit
