package ru.gospubliki.examples.serve;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import ru.gospubliki.audit.AuditRun;
import ru.gospubliki.audit.DistrictSummary;

/**
 * The trend over the stored audits as an SVG drawn on the server: for each audit, the share of the
 * scope's organisations with a page («подключено»), with the «Госорганизация» mark, and compliant.
 * Plain SVG in the page: no script, no font, no file from elsewhere; a table beside it gives the
 * same numbers for a screen reader.
 */
final class TrendChart {
  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  private static final int LEFT = 48;
  private static final int RIGHT = 16;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yy", Locale.ROOT)
      .withZone(ZoneId.of("Europe/Moscow"));

  /** One audit's totals for the scope. */
  record Point(AuditRun run, int organizations, int withPage, int withMark, int compliant) {
    static Point of(AuditRun run, Scope scope) {
      int organizations = 0;
      int withPage = 0;
      int withMark = 0;
      int compliant = 0;
      for (DistrictSummary line : run.summary().byDistrict()) {
        if (!scope.sees(line.district())) continue;
        organizations += line.organizations();
        withPage += line.withPage();
        withMark += line.withMark();
        compliant += line.compliant();
      }
      return new Point(run, organizations, withPage, withMark, compliant);
    }

    String day() {
      return DAY.format(run.asOf());
    }
  }

  /** The series: name, CSS class, value of a point. */
  private record Series(String name, String css, java.util.function.ToIntFunction<Point> value) {}

  private static final List<Series> SERIES = List.of(
      new Series("подключено (есть страница)", "s-page", Point::withPage),
      new Series("с отметкой «Госорганизация»", "s-mark", Point::withMark),
      new Series("соответствуют требованиям", "s-ok", Point::compliant));

  private TrendChart() {}

  /** The chart of {@code points} (oldest first) as an {@code <svg>} element. */
  static String svg(List<Point> points) {
    Html svg = new Html();
    svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" role=\"img\" aria-labelledby=\"trend-title\""
        + " viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"" + WIDTH + "\" height=\"" + HEIGHT + "\">");
    svg.raw("<title id=\"trend-title\">").text("Доля организаций по проверкам, %").raw("</title>");
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    for (int percent = 0; percent <= 100; percent += 25) {
      int y = TOP + plotHeight - plotHeight * percent / 100;
      svg.raw("<line class=\"grid\" x1=\"" + LEFT + "\" x2=\"" + (WIDTH - RIGHT) + "\" y1=\"" + y + "\" y2=\"" + y + "\"/>");
      svg.raw("<text class=\"axis\" x=\"" + (LEFT - 6) + "\" y=\"" + (y + 4) + "\" text-anchor=\"end\">" + percent + "%</text>");
    }
    int n = points.size();
    for (int i = 0; i < n; i++) {
      int x = x(i, n, plotWidth);
      if (n <= 12 || i % ((n + 11) / 12) == 0 || i == n - 1) {
        svg.raw("<text class=\"axis\" x=\"" + x + "\" y=\"" + (HEIGHT - BOTTOM + 18) + "\" text-anchor=\"middle\">")
            .text(points.get(i).day()).raw("</text>");
      }
    }
    for (Series series : SERIES) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < n; i++) {
        Point point = points.get(i);
        int y = TOP + plotHeight - (int) Math.round(plotHeight * share(series.value().applyAsInt(point), point.organizations()));
        line.append(x(i, n, plotWidth)).append(',').append(y).append(' ');
        svg.raw("<circle class=\"" + series.css() + "\" cx=\"" + x(i, n, plotWidth) + "\" cy=\"" + y + "\" r=\"3\"/>");
      }
      if (n > 1) svg.raw("<polyline class=\"" + series.css() + "\" points=\"" + line.toString().strip() + "\"/>");
    }
    svg.raw("</svg>");
    return svg.toString();
  }

  /** The legend, as a list a screen reader reads too. */
  static String legend() {
    Html legend = new Html().raw("<ul class=\"legend\">");
    for (Series series : SERIES) {
      legend.raw("<li><span class=\"key " + series.css() + "\" aria-hidden=\"true\"></span>").text(series.name()).raw("</li>");
    }
    return legend.raw("</ul>").toString();
  }

  private static int x(int i, int n, int plotWidth) {
    return n == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (n - 1);
  }

  static double share(int part, int whole) {
    return whole == 0 ? 0 : Math.min(1, (double) part / whole);
  }
}
