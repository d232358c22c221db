package org.megaphone.model;

import org.apache.beam.sdk.values.KV;

/**
 * Names of the run's counts (rows read, rejected, duplicates, accepted per table; conservation
 * sums). Each step emits {@code KV<name, value>}; the pipeline sums them per name into the stats
 * that summary.json states and the conservation check compares.
 */
public final class Stats {
  public static final String READ = "read";
  public static final String REJECTED = "rejected";
  public static final String DUPLICATES = "duplicates";
  public static final String ACCEPTED = "accepted";

  public static final String POSTS_ENGAGEMENT = "totals.posts_engagement";
  public static final String VIEWS_CREDITED = "totals.views_credited";
  public static final String ORPHAN_POSTS = "orphans.posts";
  public static final String ORPHAN_SNAPSHOTS = "orphans.snapshots";
  public static final String ORPHAN_VIEWS = "orphans.views";
  public static final String ENTITIES_WEEKLY_ENGAGEMENT = "entities_weekly.engagement";
  public static final String ENTITIES_WEEKLY_VIEWS = "entities_weekly.views";
  public static final String ENTITIES_WEEKLY_POSTS = "entities_weekly.posts";

  private Stats() {}

  /** A per-table count, e.g. {@code posts.duplicates}. */
  public static KV<String, Long> of(String table, String what, long value) {
    return KV.of(table + "." + what, value);
  }

  public static KV<String, Long> of(String name, long value) {
    return KV.of(name, value);
  }
}
