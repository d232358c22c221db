package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.util.List;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One row of the roster (accounts table): an account on one platform and the entity it credits. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class Account implements java.io.Serializable {
  public abstract String getPlatform();

  /** Normalised: no leading {@code @}, lower case. */
  public abstract String getHandle();

  public abstract String getEntityId();

  public abstract @Nullable String getEntityName();

  public abstract String getRole();

  public abstract @Nullable String getCohort();

  public abstract @Nullable String getMunicipality();

  /** Lower case ISO 639-1, or null. */
  public abstract @Nullable String getLanguage();

  public abstract @Nullable Long getFollowers();

  public abstract List<String> getAliases();

  public abstract boolean getHost();

  public abstract SourceRef getSource();

  @SchemaCreate
  public static Account create(
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
    return new AutoValue_Account(
        platform,
        handle,
        entityId,
        entityName,
        role,
        cohort,
        municipality,
        language,
        followers,
        List.copyOf(aliases),
        host,
        source);
  }
}
