package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/** What is known of a post at one place in the data: a row of it, or a view snapshot of it. */
@DefaultCoder(PostEvent.WireCoder.class)
@AutoValue
public abstract class PostEvent implements Serializable {
  public abstract @Nullable AttributedPost getPost();

  public abstract @Nullable ViewSnapshot getView();

  public static PostEvent create(@Nullable AttributedPost post, @Nullable ViewSnapshot view) {
    return new AutoValue_PostEvent(post, view);
  }

  public static PostEvent of(AttributedPost post) {
    return create(post, null);
  }

  public static PostEvent of(ViewSnapshot view) {
    return create(null, view);
  }

  public String postKey() {
    return getPost() != null ? getPost().key() : getView().postKey();
  }

  /**
   * The coder of a {@link PostEvent}: its fields in declaration order ({@link Wire}). Changing it
   * changes what a stream's savepoint holds (runbooks/upgrade-and-savepoints.md).
   */
  public static final class WireCoder extends Wire.Coder<PostEvent> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(PostEvent.class, INSTANCE);
    }

    @Override
    public void encode(PostEvent v, OutputStream out) throws IOException {
      Wire.writeNullable(AttributedPost.WireCoder.INSTANCE, v.getPost(), out);
      Wire.writeNullable(ViewSnapshot.WireCoder.INSTANCE, v.getView(), out);
    }

    @Override
    public PostEvent decode(InputStream in) throws IOException {
      return create(
          Wire.readNullable(AttributedPost.WireCoder.INSTANCE, in),
          Wire.readNullable(ViewSnapshot.WireCoder.INSTANCE, in));
    }
  }
}
