package org.megaphone.weekly;

import java.util.Map;
import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_UptakeTotals extends UptakeTotals {

  private final long posts;

  private final long engagement;

  private final long views;

  private final Map<String, Long> firstPostByEntity;

  AutoValue_UptakeTotals(
      long posts,
      long engagement,
      long views,
      Map<String, Long> firstPostByEntity) {
    this.posts = posts;
    this.engagement = engagement;
    this.views = views;
    if (firstPostByEntity == null) {
      throw new NullPointerException("Null firstPostByEntity");
    }
    this.firstPostByEntity = firstPostByEntity;
  }

  @Override
  public long getPosts() {
    return posts;
  }

  @Override
  public long getEngagement() {
    return engagement;
  }

  @Override
  public long getViews() {
    return views;
  }

  @Override
  public Map<String, Long> getFirstPostByEntity() {
    return firstPostByEntity;
  }

  @Override
  public String toString() {
    return "UptakeTotals{"
        + "posts=" + posts + ", "
        + "engagement=" + engagement + ", "
        + "views=" + views + ", "
        + "firstPostByEntity=" + firstPostByEntity
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof UptakeTotals) {
      UptakeTotals that = (UptakeTotals) o;
      return this.posts == that.getPosts()
          && this.engagement == that.getEngagement()
          && this.views == that.getViews()
          && this.firstPostByEntity.equals(that.getFirstPostByEntity());
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= (int) ((posts >>> 32) ^ posts);
    h$ *= 1000003;
    h$ ^= (int) ((engagement >>> 32) ^ engagement);
    h$ *= 1000003;
    h$ ^= (int) ((views >>> 32) ^ views);
    h$ *= 1000003;
    h$ ^= firstPostByEntity.hashCode();
    return h$;
  }

}
