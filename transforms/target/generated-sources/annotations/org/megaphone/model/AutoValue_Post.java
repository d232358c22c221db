package org.megaphone.model;

import javax.annotation.processing.Generated;
import org.checkerframework.checker.nullness.qual.Nullable;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_Post extends Post {

  private final String platform;

  private final String postId;

  private final String handle;

  private final long publishedAt;

  private final @Nullable String text;

  private final @Nullable String url;

  private final @Nullable String language;

  private final long likes;

  private final long comments;

  private final long shares;

  private final long saves;

  private final @Nullable Long followers;

  private final @Nullable Long exportedAt;

  private final SourceRef source;

  AutoValue_Post(
      String platform,
      String postId,
      String handle,
      long publishedAt,
      @Nullable String text,
      @Nullable String url,
      @Nullable String language,
      long likes,
      long comments,
      long shares,
      long saves,
      @Nullable Long followers,
      @Nullable Long exportedAt,
      SourceRef source) {
    if (platform == null) {
      throw new NullPointerException("Null platform");
    }
    this.platform = platform;
    if (postId == null) {
      throw new NullPointerException("Null postId");
    }
    this.postId = postId;
    if (handle == null) {
      throw new NullPointerException("Null handle");
    }
    this.handle = handle;
    this.publishedAt = publishedAt;
    this.text = text;
    this.url = url;
    this.language = language;
    this.likes = likes;
    this.comments = comments;
    this.shares = shares;
    this.saves = saves;
    this.followers = followers;
    this.exportedAt = exportedAt;
    if (source == null) {
      throw new NullPointerException("Null source");
    }
    this.source = source;
  }

  @Override
  public String getPlatform() {
    return platform;
  }

  @Override
  public String getPostId() {
    return postId;
  }

  @Override
  public String getHandle() {
    return handle;
  }

  @Override
  public long getPublishedAt() {
    return publishedAt;
  }

  @Override
  public @Nullable String getText() {
    return text;
  }

  @Override
  public @Nullable String getUrl() {
    return url;
  }

  @Override
  public @Nullable String getLanguage() {
    return language;
  }

  @Override
  public long getLikes() {
    return likes;
  }

  @Override
  public long getComments() {
    return comments;
  }

  @Override
  public long getShares() {
    return shares;
  }

  @Override
  public long getSaves() {
    return saves;
  }

  @Override
  public @Nullable Long getFollowers() {
    return followers;
  }

  @Override
  public @Nullable Long getExportedAt() {
    return exportedAt;
  }

  @Override
  public SourceRef getSource() {
    return source;
  }

  @Override
  public String toString() {
    return "Post{"
        + "platform=" + platform + ", "
        + "postId=" + postId + ", "
        + "handle=" + handle + ", "
        + "publishedAt=" + publishedAt + ", "
        + "text=" + text + ", "
        + "url=" + url + ", "
        + "language=" + language + ", "
        + "likes=" + likes + ", "
        + "comments=" + comments + ", "
        + "shares=" + shares + ", "
        + "saves=" + saves + ", "
        + "followers=" + followers + ", "
        + "exportedAt=" + exportedAt + ", "
        + "source=" + source
        + "}";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof Post) {
      Post that = (Post) o;
      return this.platform.equals(that.getPlatform())
          && this.postId.equals(that.getPostId())
          && this.handle.equals(that.getHandle())
          && this.publishedAt == that.getPublishedAt()
          && (this.text == null ? that.getText() == null : this.text.equals(that.getText()))
          && (this.url == null ? that.getUrl() == null : this.url.equals(that.getUrl()))
          && (this.language == null ? that.getLanguage() == null : this.language.equals(that.getLanguage()))
          && this.likes == that.getLikes()
          && this.comments == that.getComments()
          && this.shares == that.getShares()
          && this.saves == that.getSaves()
          && (this.followers == null ? that.getFollowers() == null : this.followers.equals(that.getFollowers()))
          && (this.exportedAt == null ? that.getExportedAt() == null : this.exportedAt.equals(that.getExportedAt()))
          && this.source.equals(that.getSource());
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= platform.hashCode();
    h$ *= 1000003;
    h$ ^= postId.hashCode();
    h$ *= 1000003;
    h$ ^= handle.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((publishedAt >>> 32) ^ publishedAt);
    h$ *= 1000003;
    h$ ^= (text == null) ? 0 : text.hashCode();
    h$ *= 1000003;
    h$ ^= (url == null) ? 0 : url.hashCode();
    h$ *= 1000003;
    h$ ^= (language == null) ? 0 : language.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((likes >>> 32) ^ likes);
    h$ *= 1000003;
    h$ ^= (int) ((comments >>> 32) ^ comments);
    h$ *= 1000003;
    h$ ^= (int) ((shares >>> 32) ^ shares);
    h$ *= 1000003;
    h$ ^= (int) ((saves >>> 32) ^ saves);
    h$ *= 1000003;
    h$ ^= (followers == null) ? 0 : followers.hashCode();
    h$ *= 1000003;
    h$ ^= (exportedAt == null) ? 0 : exportedAt.hashCode();
    h$ *= 1000003;
    h$ ^= source.hashCode();
    return h$;
  }

}
