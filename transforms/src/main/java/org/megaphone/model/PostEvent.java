package org.megaphone.stream;

import com.google.auto.value.AutoValue;
import org.apache.beam.sdk.schemas.AutoValueSchema;
import org.apache.beam.sdk.schemas.annotations.DefaultSchema;
import org.apache.beam.sdk.schemas.annotations.SchemaCreate;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.megaphone.model.AttributedPost;
import org.megaphone.model.ViewSnapshot;

/** What can arrive about a post in a stream: a row of it, or a view snapshot of it. */
@DefaultSchema(AutoValueSchema.class)
@AutoValue
public abstract class PostEvent implements java.io.Serializable {
  public abstract @Nullable AttributedPost getPost();

  public abstract @Nullable ViewSnapshot getView();

  @SchemaCreate
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
}
