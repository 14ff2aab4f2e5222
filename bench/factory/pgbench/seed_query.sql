-- Baseline: the seed's "Find winners" query as it is written (seed 001, "Common Queries").
SELECT pc.id, pc.platform_url, s.awareness_level, SUM(pm.views) AS total_views,
       AVG(pm.engagement_rate) AS avg_engagement, AVG(pm.ctr) AS avg_ctr, SUM(pm.conversions) AS total_conversions
FROM factory.cf_published_content pc
JOIN factory.cf_performance_metrics pm ON pm.published_content_id = pc.id
JOIN factory.cf_assembled_content ac ON ac.id = pc.assembled_content_id
JOIN factory.cf_scripts s ON s.id = ac.script_id
GROUP BY pc.id, pc.platform_url, s.awareness_level
HAVING SUM(pm.views) > 1000
ORDER BY avg_engagement DESC
LIMIT 10;
