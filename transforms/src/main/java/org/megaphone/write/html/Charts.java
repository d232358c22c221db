package org.megaphone.write.html;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts as inline SVG: stacked weekly bars, lines with points, horizontal bars and
 * sparklines. Each chart is an {@code <svg role="img">} labelled by its {@code <title>} and {@code
 * <desc>}; every bar and point carries a {@code <title>} with its exact value, so a screen reader
 * or a hover shows the number behind the shape. Bars have class {@code bar}, points class {@code
 * point}, so the page can be checked by counting them. Colours are the Okabe–Ito palette, readable
 * with the common colour-vision deficiencies.
 */
public final class Charts {
  static final String[] PALETTE = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"
  };
  private static final int WIDTH = 720;
  private static final int HEIGHT = 300;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 64;

  /** The most code points of a data label in a tooltip; longer ones end with an ellipsis. */
  static final int LABEL = 120;

  private Charts() {}

  /**
   * A data label for a tooltip: escaped, clipped, and isolated (U+2068 … U+2069) so that a
   * right-to-left name does not reorder the numbers after it.
   */
  static String label(String value) {
    return "\u2068" + Html.clipped(value, LABEL) + "\u2069";
  }

  /** A colour per series position. */
  public static String colour(int series) {
    return PALETTE[series % PALETTE.length];
  }

  /**
   * One stacked bar per category (week), one segment per series with a non-zero value.
   *
   * @param series values per series, each array aligned with {@code categories}
   */
  public static String stackedBars(
      String id,
      String title,
      String desc,
      String unit,
      List<String> categories,
      Map<String, long[]> series) {
    double max = 0;
    for (int c = 0; c < categories.size(); c++) {
      long sum = 0;
      for (long[] values : series.values()) {
        sum += values[c];
      }
      max = Math.max(max, (double) sum);
    }
    Axis axis = Axis.of(max);
    StringBuilder svg = open(id, title, desc);
    yAxis(svg, axis, unit);
    double slot = plotWidth() / Math.max(1, categories.size());
    double barWidth = Math.max(2, slot * 0.7);
    for (int c = 0; c < categories.size(); c++) {
      double x = LEFT + c * slot + (slot - barWidth) / 2;
      double base = 0;
      int s = 0;
      for (Map.Entry<String, long[]> e : series.entrySet()) {
        long v = e.getValue()[c];
        if (v != 0) {
          double y0 = axis.y(base);
          double y1 = axis.y(base + v);
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                      + "<title>%s · %s: %s %s</title></rect>",
                  x,
                  y1,
                  barWidth,
                  Math.max(0.5, y0 - y1),
                  colour(s),
                  Html.text(categories.get(c)),
                  label(e.getKey()),
                  Html.number(v),
                  Html.text(unit)));
          base += v;
        }
        s++;
      }
    }
    xLabels(svg, categories);
    return close(svg);
  }

  /**
   * One line per series, a point per category where the series has a value (null = no value; the
   * line skips the gap).
   */
  public static String lines(
      String id,
      String title,
      String desc,
      String unit,
      List<String> categories,
      Map<String, Long[]> series) {
    double max = 0;
    for (Long[] values : series.values()) {
      for (Long v : values) {
        if (v != null) {
          max = Math.max(max, v);
        }
      }
    }
    Axis axis = Axis.of(max);
    StringBuilder svg = open(id, title, desc);
    yAxis(svg, axis, unit);
    double slot = plotWidth() / Math.max(1, categories.size());
    int s = 0;
    for (Map.Entry<String, Long[]> e : series.entrySet()) {
      Long[] values = e.getValue();
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int c = 0; c < categories.size(); c++) {
        if (values[c] == null) {
          pen = false;
          continue;
        }
        path.append(pen ? " L" : " M")
            .append(
                String.format(
                    Locale.ROOT, "%.1f %.1f", LEFT + (c + 0.5) * slot, axis.y(values[c])));
        pen = true;
      }
      if (path.length() > 0) {
        svg.append("<path class=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"")
            .append(colour(s))
            .append("\" d=\"")
            .append(path.toString().trim())
            .append("\"/>");
      }
      for (int c = 0; c < categories.size(); c++) {
        if (values[c] != null) {
          svg.append(
              String.format(
                  Locale.ROOT,
                  "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s · %s: %s %s</title></circle>",
                  LEFT + (c + 0.5) * slot,
                  axis.y(values[c]),
                  colour(s),
                  Html.text(categories.get(c)),
                  label(e.getKey()),
                  Html.number(values[c]),
                  Html.text(unit)));
        }
      }
      s++;
    }
    xLabels(svg, categories);
    return close(svg);
  }

  /** One horizontal bar per label, values between 0 and the largest value; labels are clipped. */
  public static String horizontalBars(
      String id,
      String title,
      String desc,
      String unit,
      List<String> labels,
      double[] values,
      List<String> valueTexts,
      List<Integer> colours) {
    int row = 22;
    int left = 200;
    int height = TOP + 40 + row * labels.size();
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    Axis axis = Axis.of(max);
    StringBuilder svg = new StringBuilder();
    header(svg, id, title, desc, height);
    double plot = WIDTH - left - 96;
    int axisY = TOP + row * labels.size();
    for (double t : axis.ticks()) {
      double x = left + plot * t / axis.top;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
                  + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              x,
              x,
              TOP,
              axisY,
              x,
              axisY + 14,
              Html.compact(t)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"unit\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
            left + plot / 2,
            axisY + 32,
            Html.text(unit)));
    for (int i = 0; i < labels.size(); i++) {
      double y = TOP + i * row;
      double w = axis.top == 0 ? 0 : plot * values[i] / axis.top;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              left - 6,
              y + row * 0.65,
              Html.clipped(labels.get(i), 28)));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>",
              left,
              y + 3,
              Math.max(0.5, w),
              row - 6.0,
              colour(colours.get(i)),
              label(labels.get(i)),
              Html.text(valueTexts.get(i))));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%s</text>",
              left + w + 4,
              y + row * 0.65,
              Html.text(valueTexts.get(i))));
    }
    return close(svg);
  }

  /** A word-sized line of the values, one point each; labelled for screen readers. */
  public static String sparkline(String label, long[] values) {
    int w = 120;
    int h = 28;
    long max = 0;
    for (long v : values) {
      max = Math.max(max, v);
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      double x = values.length == 1 ? w / 2.0 : 2 + (w - 4.0) * i / (values.length - 1);
      double y = max == 0 ? h - 2 : h - 2 - (h - 4.0) * values[i] / max;
      points.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
    }
    // One value (a weekly run) draws no line: a dot shows it.
    String dot =
        values.length == 1
            ? String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#0072B2\"/>",
                w / 2.0,
                max == 0 ? h - 2.0 : 2.0)
            : "";
    return String.format(
        Locale.ROOT,
        "<svg class=\"spark\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" aria-label=\"%s\">"
            + "<title>%s</title><polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.5\" points=\"%s\"/>%s</svg>",
        w,
        h,
        w,
        h,
        Html.clipped(label, 4 * LABEL),
        Html.clipped(label, 4 * LABEL),
        points,
        dot);
  }

  private static double plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private static StringBuilder open(String id, String title, String desc) {
    StringBuilder svg = new StringBuilder();
    header(svg, id, title, desc, HEIGHT);
    return svg;
  }

  private static void header(StringBuilder svg, String id, String title, String desc, int height) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" id=\"%1$s\" role=\"img\" viewBox=\"0 0 %2$d %3$d\" aria-labelledby=\"%1$s-title %1$s-desc\">"
                + "<title id=\"%1$s-title\">%4$s</title><desc id=\"%1$s-desc\">%5$s</desc>",
            Html.text(id),
            WIDTH,
            height,
            Html.text(title),
            Html.text(desc)));
  }

  private static String close(StringBuilder svg) {
    return svg.append("</svg>").toString();
  }

  private static void yAxis(StringBuilder svg, Axis axis, String unit) {
    for (double t : axis.ticks()) {
      double y = axis.y(t);
      svg.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                  + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              LEFT,
              WIDTH - RIGHT,
              y,
              y,
              LEFT - 6,
              y + 4,
              Html.compact(t)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"unit\" transform=\"rotate(-90)\" x=\"%d\" y=\"14\" text-anchor=\"middle\">%s</text>",
            -(TOP + (HEIGHT - TOP - BOTTOM) / 2),
            Html.text(unit)));
  }

  private static void xLabels(StringBuilder svg, List<String> categories) {
    double slot = plotWidth() / Math.max(1, categories.size());
    int every = Math.max(1, (int) Math.ceil(categories.size() / 12.0));
    for (int c = 0; c < categories.size(); c += every) {
      double x = LEFT + (c + 0.5) * slot;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">%s</text>",
              x,
              HEIGHT - BOTTOM + 16,
              x,
              HEIGHT - BOTTOM + 16,
              Html.text(categories.get(c))));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\"/>",
            LEFT,
            WIDTH - RIGHT,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM));
  }

  /** A value axis from 0 to a round top with 4 or 5 round ticks. */
  record Axis(double top, double step) {
    static Axis of(double max) {
      if (max <= 0) {
        return new Axis(1, 1);
      }
      double raw = max / 4;
      // StrictMath: the same ticks, so the same page bytes, on every JVM.
      double magnitude = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(raw)));
      double step = magnitude;
      for (double m : new double[] {1, 2, 2.5, 5, 10}) {
        if (m * magnitude >= raw) {
          step = m * magnitude;
          break;
        }
      }
      step = Math.max(1, step); // counts and percentages: no ticks at 0.25
      return new Axis(Math.ceil(max / step) * step, step);
    }

    double[] ticks() {
      int n = (int) Math.round(top / step);
      double[] ticks = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        ticks[i] = i * step;
      }
      return ticks;
    }

    double y(double value) {
      return TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
    }
  }
}
