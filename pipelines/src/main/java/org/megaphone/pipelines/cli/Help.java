package org.megaphone.pipelines.cli;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** {@code --help}: Megaphone's own options first, each with its description and default. */
public final class Help {
  private Help() {}

  static void print(PrintStream out, List<Class<?>> optionGroups) {
    out.println(Megaphone.USAGE);
    for (Class<?> group : optionGroups) {
      out.println();
      out.println(group.getSimpleName() + ":");
      for (Method m : group.getDeclaredMethods()) {
        if (!m.getName().startsWith("get") || m.getParameterCount() != 0) {
          continue;
        }
        String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
        out.printf("  --%s=<%s>%n", name, m.getReturnType().getSimpleName());
        out.printf("    %s%n", defaultOf(m));
        Description d = m.getAnnotation(Description.class);
        if (d != null) {
          out.printf("    %s%n", d.value());
        }
      }
    }
    out.println();
    out.println("Runner options (Beam):");
    out.println("  --runner=DirectRunner (default) | FlinkRunner");
    out.println("  --flinkMaster=[local] | host:port   with --runner=FlinkRunner");
    out.println("  --parallelism=N                     Flink parallelism");
    out.println("  'megaphone report --help-beam' lists every Beam and runner option.");
    out.println();
    out.println("Object store options (Beam's, for s3://bucket/prefix paths):");
    out.println("  --awsRegion=eu-north-1              the bucket's region");
    out.println("  --endpoint=https://host:9000        an S3-compatible store (MinIO, Ceph)");
    out.println("  credentials: the AWS default chain only (environment, profile, role)");
  }

  private static String defaultOf(Method m) {
    if (m.getAnnotation(Validation.Required.class) != null) {
      return "Required.";
    }
    Default.String s = m.getAnnotation(Default.String.class);
    if (s != null) {
      return "Default: " + (s.value().isEmpty() ? "(empty)" : s.value());
    }
    Default.Double d = m.getAnnotation(Default.Double.class);
    if (d != null) {
      return "Default: " + d.value();
    }
    Default.Integer i = m.getAnnotation(Default.Integer.class);
    if (i != null) {
      return "Default: " + i.value();
    }
    Default.Boolean b = m.getAnnotation(Default.Boolean.class);
    if (b != null) {
      return "Default: " + b.value();
    }
    return "Default: none";
  }
}
