package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One row of the roster (accounts table): an account on one platform and the entity it credits. */
@DefaultCoder(Account.WireCoder.class)
@AutoValue
public abstract class Account implements Serializable {
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

  /**
   * The coder of a {@link Account}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<Account> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(Account.class, INSTANCE);
    }

    @Override
    public void encode(Account v, OutputStream out) throws IOException {
      Wire.writeString(v.getPlatform(), out);
      Wire.writeString(v.getHandle(), out);
      Wire.writeString(v.getEntityId(), out);
      Wire.writeNullableString(v.getEntityName(), out);
      Wire.writeString(v.getRole(), out);
      Wire.writeNullableString(v.getCohort(), out);
      Wire.writeNullableString(v.getMunicipality(), out);
      Wire.writeNullableString(v.getLanguage(), out);
      Wire.writeNullableLong(v.getFollowers(), out);
      Wire.writeStrings(v.getAliases(), out);
      Wire.writeBoolean(v.getHost(), out);
      SourceRef.WireCoder.INSTANCE.encode(v.getSource(), out);
    }

    @Override
    public Account decode(InputStream in) throws IOException {
      return create(
          Wire.readString(in),
          Wire.readString(in),
          Wire.readString(in),
          Wire.readNullableString(in),
          Wire.readString(in),
          Wire.readNullableString(in),
          Wire.readNullableString(in),
          Wire.readNullableString(in),
          Wire.readNullableLong(in),
          Wire.readStrings(in),
          Wire.readBoolean(in),
          SourceRef.WireCoder.INSTANCE.decode(in));
    }
  }
}
