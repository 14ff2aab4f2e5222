/*
 * Every SQL-callable symbol of reelbase.so. Each body is a Swift function rbx_<name>; see
 * RB_EXPORT for why the entry point itself is C.
 */
#include "shim_internal.h"

/* reelbase: bridge diagnostics */
RB_EXPORT(rb_bridge_echo)
RB_EXPORT(rb_bridge_describe)
RB_EXPORT(rb_bridge_fail)

/* learning */
RB_EXPORT(track_video_event)
RB_EXPORT(get_student_total_watch_time)
RB_EXPORT(get_student_highest_completion)
RB_EXPORT(has_student_completed_video)

/* reelbase: vector engine */
RB_EXPORT(rb_cosine_similarity)
RB_EXPORT(rb_unit_cosine)
RB_EXPORT(rb_vector_list_for)
RB_EXPORT(rb_build_vector_index)

/* learning: search */
RB_EXPORT(search_video_chunks)

/* reelbase: partition engine and maintenance */
RB_EXPORT(rb_create_monthly_partition)
RB_EXPORT(rb_manage_partitions)
RB_EXPORT(rb_run_maintenance)

/* market: listing and purchase */
RB_EXPORT(market_list_concept)
RB_EXPORT(market_purchase_listing)

/* market: sweeps and cashback */
RB_EXPORT(market_expire_listings)
RB_EXPORT(market_archive_listings)
RB_EXPORT(market_expire_cashback)
RB_EXPORT(market_run_sweeps)

/* market: scoring, ratings and similar videos */
RB_EXPORT(score_video)
RB_EXPORT(virality_score)
RB_EXPORT(score_concept)
RB_EXPORT(similar_videos)
RB_EXPORT(search_videos)
