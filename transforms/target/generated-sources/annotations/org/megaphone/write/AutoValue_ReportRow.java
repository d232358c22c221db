package org.megaphone.write;

import java.util.List;
import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_ReportRow extends ReportRow {

  private final List<String> sortKey;

  private final List<String> cells;

  AutoValue_ReportRow(
      List<String> sortKey,
      List<String> cells) {
    if (sortKey == null) {
      throw new NullPointerException("Null sortKey");
    }
    this.sortKey = sortKey;
    if (cells == null) {
      throw new NullPointerException("Null cells");
    }
    this.cells = cells;
  }

  @Override
  public List<String> getSortKey() {
    return sortKey;
  }

  @Override
  public List<String> getCells() {
    return cells;
  }

  @Override
  public String toString() {
    return "ReportRow{"
        + "sortKey=" + sortKey + ", "
        + "cells=" + cells
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof ReportRow) {
      ReportRow that = (ReportRow) o;
      return this.sortKey.equals(that.getSortKey())
          && this.cells.equals(that.getCells());
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= sortKey.hashCode();
    h$ *= 1000003;
    h$ ^= cells.hashCode();
    return h$;
  }

}
