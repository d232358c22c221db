package org.megaphone.model;

import java.util.List;
import javax.annotation.processing.Generated;
import org.checkerframework.checker.nullness.qual.Nullable;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_Bulletin extends Bulletin {

  private final String bulletinId;

  private final @Nullable String campaign;

  private final long sentAt;

  private final @Nullable String language;

  private final @Nullable Long audience;

  private final List<String> hashtags;

  private final List<String> links;

  private final @Nullable String title;

  private final SourceRef source;

  AutoValue_Bulletin(
      String bulletinId,
      @Nullable String campaign,
      long sentAt,
      @Nullable String language,
      @Nullable Long audience,
      List<String> hashtags,
      List<String> links,
      @Nullable String title,
      SourceRef source) {
    if (bulletinId == null) {
      throw new NullPointerException("Null bulletinId");
    }
    this.bulletinId = bulletinId;
    this.campaign = campaign;
    this.sentAt = sentAt;
    this.language = language;
    this.audience = audience;
    if (hashtags == null) {
      throw new NullPointerException("Null hashtags");
    }
    this.hashtags = hashtags;
    if (links == null) {
      throw new NullPointerException("Null links");
    }
    this.links = links;
    this.title = title;
    if (source == null) {
      throw new NullPointerException("Null source");
    }
    this.source = source;
  }

  @Override
  public String getBulletinId() {
    return bulletinId;
  }

  @Override
  public @Nullable String getCampaign() {
    return campaign;
  }

  @Override
  public long getSentAt() {
    return sentAt;
  }

  @Override
  public @Nullable String getLanguage() {
    return language;
  }

  @Override
  public @Nullable Long getAudience() {
    return audience;
  }

  @Override
  public List<String> getHashtags() {
    return hashtags;
  }

  @Override
  public List<String> getLinks() {
    return links;
  }

  @Override
  public @Nullable String getTitle() {
    return title;
  }

  @Override
  public SourceRef getSource() {
    return source;
  }

  @Override
  public String toString() {
    return "Bulletin{"
        + "bulletinId=" + bulletinId + ", "
        + "campaign=" + campaign + ", "
        + "sentAt=" + sentAt + ", "
        + "language=" + language + ", "
        + "audience=" + audience + ", "
        + "hashtags=" + hashtags + ", "
        + "links=" + links + ", "
        + "title=" + title + ", "
        + "source=" + source
        + "}";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof Bulletin) {
      Bulletin that = (Bulletin) o;
      return this.bulletinId.equals(that.getBulletinId())
          && (this.campaign == null ? that.getCampaign() == null : this.campaign.equals(that.getCampaign()))
          && this.sentAt == that.getSentAt()
          && (this.language == null ? that.getLanguage() == null : this.language.equals(that.getLanguage()))
          && (this.audience == null ? that.getAudience() == null : this.audience.equals(that.getAudience()))
          && this.hashtags.equals(that.getHashtags())
          && this.links.equals(that.getLinks())
          && (this.title == null ? that.getTitle() == null : this.title.equals(that.getTitle()))
          && this.source.equals(that.getSource());
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= bulletinId.hashCode();
    h$ *= 1000003;
    h$ ^= (campaign == null) ? 0 : campaign.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((sentAt >>> 32) ^ sentAt);
    h$ *= 1000003;
    h$ ^= (language == null) ? 0 : language.hashCode();
    h$ *= 1000003;
    h$ ^= (audience == null) ? 0 : audience.hashCode();
    h$ *= 1000003;
    h$ ^= hashtags.hashCode();
    h$ *= 1000003;
    h$ ^= links.hashCode();
    h$ *= 1000003;
    h$ ^= (title == null) ? 0 : title.hashCode();
    h$ *= 1000003;
    h$ ^= source.hashCode();
    return h$;
  }

}
