package org.megaphone.model;

import java.util.List;
import javax.annotation.processing.Generated;
import org.checkerframework.checker.nullness.qual.Nullable;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_Account extends Account {

  private final String platform;

  private final String handle;

  private final String entityId;

  private final @Nullable String entityName;

  private final String role;

  private final @Nullable String cohort;

  private final @Nullable String municipality;

  private final @Nullable String language;

  private final @Nullable Long followers;

  private final List<String> aliases;

  private final boolean host;

  private final SourceRef source;

  AutoValue_Account(
      String platform,
      String handle,
      String entityId,
      @Nullable String entityName,
      String role,
      @Nullable String cohort,
      @Nullable String municipality,
      @Nullable String language,
      @Nullable Long followers,
      List<String> aliases,
      boolean host,
      SourceRef source) {
    if (platform == null) {
      throw new NullPointerException("Null platform");
    }
    this.platform = platform;
    if (handle == null) {
      throw new NullPointerException("Null handle");
    }
    this.handle = handle;
    if (entityId == null) {
      throw new NullPointerException("Null entityId");
    }
    this.entityId = entityId;
    this.entityName = entityName;
    if (role == null) {
      throw new NullPointerException("Null role");
    }
    this.role = role;
    this.cohort = cohort;
    this.municipality = municipality;
    this.language = language;
    this.followers = followers;
    if (aliases == null) {
      throw new NullPointerException("Null aliases");
    }
    this.aliases = aliases;
    this.host = host;
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
  public String getHandle() {
    return handle;
  }

  @Override
  public String getEntityId() {
    return entityId;
  }

  @Override
  public @Nullable String getEntityName() {
    return entityName;
  }

  @Override
  public String getRole() {
    return role;
  }

  @Override
  public @Nullable String getCohort() {
    return cohort;
  }

  @Override
  public @Nullable String getMunicipality() {
    return municipality;
  }

  @Override
  public @Nullable String getLanguage() {
    return language;
  }

  @Override
  public @Nullable Long getFollowers() {
    return followers;
  }

  @Override
  public List<String> getAliases() {
    return aliases;
  }

  @Override
  public boolean getHost() {
    return host;
  }

  @Override
  public SourceRef getSource() {
    return source;
  }

  @Override
  public String toString() {
    return "Account{"
        + "platform=" + platform + ", "
        + "handle=" + handle + ", "
        + "entityId=" + entityId + ", "
        + "entityName=" + entityName + ", "
        + "role=" + role + ", "
        + "cohort=" + cohort + ", "
        + "municipality=" + municipality + ", "
        + "language=" + language + ", "
        + "followers=" + followers + ", "
        + "aliases=" + aliases + ", "
        + "host=" + host + ", "
        + "source=" + source
        + "}";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof Account) {
      Account that = (Account) o;
      return this.platform.equals(that.getPlatform())
          && this.handle.equals(that.getHandle())
          && this.entityId.equals(that.getEntityId())
          && (this.entityName == null ? that.getEntityName() == null : this.entityName.equals(that.getEntityName()))
          && this.role.equals(that.getRole())
          && (this.cohort == null ? that.getCohort() == null : this.cohort.equals(that.getCohort()))
          && (this.municipality == null ? that.getMunicipality() == null : this.municipality.equals(that.getMunicipality()))
          && (this.language == null ? that.getLanguage() == null : this.language.equals(that.getLanguage()))
          && (this.followers == null ? that.getFollowers() == null : this.followers.equals(that.getFollowers()))
          && this.aliases.equals(that.getAliases())
          && this.host == that.getHost()
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
    h$ ^= handle.hashCode();
    h$ *= 1000003;
    h$ ^= entityId.hashCode();
    h$ *= 1000003;
    h$ ^= (entityName == null) ? 0 : entityName.hashCode();
    h$ *= 1000003;
    h$ ^= role.hashCode();
    h$ *= 1000003;
    h$ ^= (cohort == null) ? 0 : cohort.hashCode();
    h$ *= 1000003;
    h$ ^= (municipality == null) ? 0 : municipality.hashCode();
    h$ *= 1000003;
    h$ ^= (language == null) ? 0 : language.hashCode();
    h$ *= 1000003;
    h$ ^= (followers == null) ? 0 : followers.hashCode();
    h$ *= 1000003;
    h$ ^= aliases.hashCode();
    h$ *= 1000003;
    h$ ^= host ? 1231 : 1237;
    h$ *= 1000003;
    h$ ^= source.hashCode();
    return h$;
  }

}
