package org.megaphone.attribution;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * A piece of configuration a step needs (the roster, the campaigns, the overrides): a side input
 * computed by the pipeline (the report job), or a value fixed when the pipeline is built (the
 * stream, which reads its configuration once when it starts). A stream on Flink must not depend on
 * side inputs of bounded data: a job resumed from a savepoint does not read them again, and would
 * run without a roster.
 */
public final class ConfigValue<T> implements Serializable {
  private final PCollectionView<T> view;
  private final T value;

  private ConfigValue(PCollectionView<T> view, T value) {
    this.view = view;
    this.value = value;
  }

  public static <T> ConfigValue<T> of(PCollectionView<T> view) {
    return new ConfigValue<>(view, null);
  }

  /** A value serialized into the job itself (it must be Serializable and small). */
  public static <T> ConfigValue<T> fixed(T value) {
    return new ConfigValue<>(null, value);
  }

  public T get(DoFn<?, ?>.ProcessContext c) {
    return view != null ? c.sideInput(view) : value;
  }

  /** The side inputs a ParDo reading these values must declare (none for fixed values). */
  public static List<PCollectionView<?>> views(ConfigValue<?>... values) {
    List<PCollectionView<?>> views = new ArrayList<>();
    for (ConfigValue<?> v : values) {
      if (v.view != null) {
        views.add(v.view);
      }
    }
    return views;
  }
}
