package org.megaphone.write.html;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG charts: one shape per value, accessible names, round axes, escaped labels. */
class ChartsTest {
  private static final List<String> WEEKS = List.of("2020-W12", "2020-W13", "2020-W14");

  static int count(String haystack, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void stackedBarsDrawOneSegmentPerNonZeroValue() {
    Map<String, long[]> series = new LinkedHashMap<>();
    series.put("influencer", new long[] {10, 0, 30});
    series.put("mayor", new long[] {5, 7, 0});
    String svg = Charts.stackedBars("c", "Engagement", "Stacked", "engagement", WEEKS, series);
    assertThat(count(svg, "<rect class=\"bar\""), is(4));
    assertThat(svg, containsString("<title>2020-W12 · \u2068mayor\u2069: 5 engagement</title>"));
  }

  @Test
  void aChartIsAnImageNamedByItsTitleAndDescription() {
    String svg =
        Charts.stackedBars(
            "weekly", "Views per week", "One bar per week", "views", WEEKS, Map.of());
    assertThat(svg, containsString("role=\"img\""));
    assertThat(svg, containsString("aria-labelledby=\"weekly-title weekly-desc\""));
    assertThat(svg, containsString("<title id=\"weekly-title\">Views per week</title>"));
    assertThat(svg, containsString("<desc id=\"weekly-desc\">One bar per week</desc>"));
  }

  @Test
  void theValueAxisEndsOnARoundNumberAboveTheLargestStack() {
    Charts.Axis axis = Charts.Axis.of(387_000);
    assertThat(axis.step(), is(100_000.0));
    assertThat(axis.top(), is(400_000.0));
    assertThat(axis.ticks().length, is(5));
    assertThat(Charts.Axis.of(0).top(), is(1.0));
    assertThat(Charts.Axis.of(7).top(), is(8.0));
  }

  @Test
  void smallCountsGetWholeTicks() {
    Charts.Axis axis = Charts.Axis.of(1);
    assertThat(axis.step(), is(1.0));
    assertThat(axis.ticks().length, is(2));
  }

  @Test
  void aSparklineOfOneWeekShowsADot() {
    String svg = Charts.sparkline("one week", new long[] {5});
    assertThat(count(svg, "<circle"), is(1));
    assertThat(count(Charts.sparkline("two weeks", new long[] {5, 6}), "<circle"), is(0));
  }

  @Test
  void dataLabelsInTooltipsAreIsolatedSoRightToLeftNamesDoNotReorderTheNumbers() {
    Map<String, long[]> series = Map.of("شكرا", new long[] {1, 2, 3});
    String svg = Charts.stackedBars("c", "t", "d", "engagement", WEEKS, series);
    assertThat(svg, containsString("· \u2068شكرا\u2069: 1 engagement"));
  }

  @Test
  void linesDrawAPointPerValueAndSkipGaps() {
    Map<String, Long[]> series = new LinkedHashMap<>();
    series.put("instagram @thl.fi", new Long[] {100L, null, 300L});
    series.put("youtube @vn", new Long[] {null, 50L, 60L});
    String svg = Charts.lines("f", "Followers", "Lines", "followers", WEEKS, series);
    assertThat(count(svg, "<circle class=\"point\""), is(4));
    // The gap in the first line starts a new sub-path (two M commands), the second line is one.
    assertThat(count(svg, " M") + count(svg, "d=\"M"), is(3));
  }

  @Test
  void horizontalBarsDrawOneBarPerLabelWithItsValueText() {
    String svg =
        Charts.horizontalBars(
            "u",
            "Uptake",
            "Bars",
            "uptake rate, %",
            List.of("CF-1", "CF-2"),
            new double[] {1.8, 11.6},
            List.of("1.8 % (16 of 884)", "11.6 % (13 of 112)"),
            List.of(0, 1));
    assertThat(count(svg, "<rect class=\"bar\""), is(2));
    assertThat(svg, containsString("11.6 % (13 of 112)</text>"));
    assertThat(svg, containsString(">uptake rate, %</text>"));
    assertThat(svg, containsString("text-anchor=\"middle\">15</text>"));
  }

  @Test
  void aSparklineHasOnePointPerValueAndATextAlternative() {
    String svg = Charts.sparkline("Aino, engagement per week: 1 0 5", new long[] {1, 0, 5});
    Matcher points = Pattern.compile("points=\"([^\"]*)\"").matcher(svg);
    assertThat(points.find(), is(true));
    assertThat(points.group(1).split(" ").length, is(3));
    assertThat(svg, containsString("aria-label=\"Aino, engagement per week: 1 0 5\""));
  }

  @Test
  void labelsFromTheDataAreEscapedInsideTheSvg() {
    Map<String, Long[]> series = Map.of("<script>alert(1)</script>", new Long[] {1L, 2L, 3L});
    String svg = Charts.lines("f", "t", "d", "followers", WEEKS, series);
    assertThat(svg, not(containsString("<script>")));
    assertThat(svg, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    String bars =
        Charts.horizontalBars(
            "u",
            "t",
            "d",
            "%",
            List.of("\"><img src=x onerror=alert(1)>"),
            new double[] {1},
            List.of("1 %"),
            List.of(0));
    assertThat(bars, not(containsString("<img")));
  }
}
