-- One day of 100 contents' metrics through record_daily_metrics (checked in Swift, per-content
-- locks, update of the rows that exist and insert of the rest).
\set b random(0, 99)
\set d random(0, 27)
SELECT * FROM factory.record_daily_metrics(bench.metrics_rows(:b, :d));
