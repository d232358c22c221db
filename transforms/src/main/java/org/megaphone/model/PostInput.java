package org.megaphone.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What the input holds of a post, as read: one of its rows (not yet attributed) or one of its view
 * snapshots. The report's readers emit these under the post's key, so that a post's rows and
 * snapshots go from the parser to their one grouping without another step between ({@link
 * org.megaphone.attribution.CreditViews}). The stream's equivalent, after attribution, is {@link
 * PostEvent}.
 */
@DefaultCoder(PostInput.WireCoder.class)
@AutoValue
public abstract class PostInput {
  public abstract @Nullable Post getPost();

  public abstract @Nullable ViewSnapshot getView();

  public static PostInput of(Post post) {
    return new AutoValue_PostInput(post, null);
  }

  public static PostInput of(ViewSnapshot view) {
    return new AutoValue_PostInput(null, view);
  }

  public String postKey() {
    return getPost() != null ? getPost().key() : getView().postKey();
  }

  /** The coder of a {@link PostInput}: which of the two it is, then it ({@link Wire}). */
  public static final class WireCoder extends Wire.Coder<PostInput> {
    public static final WireCoder INSTANCE = new WireCoder();

    /** Read by {@code @DefaultCoder}. */
    public static CoderProvider getCoderProvider() {
      return Wire.provider(PostInput.class, INSTANCE);
    }

    @Override
    public void encode(PostInput v, OutputStream out) throws IOException {
      if (v.getPost() != null) {
        Wire.writeBoolean(true, out);
        Post.WireCoder.INSTANCE.encode(v.getPost(), out);
      } else {
        Wire.writeBoolean(false, out);
        ViewSnapshot.WireCoder.INSTANCE.encode(v.getView(), out);
      }
    }

    @Override
    public PostInput decode(InputStream in) throws IOException {
      return Wire.readBoolean(in)
          ? of(Post.WireCoder.INSTANCE.decode(in))
          : of(ViewSnapshot.WireCoder.INSTANCE.decode(in));
    }
  }
}
