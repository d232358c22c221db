package org.megaphone.model;

import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_Reject extends Reject {

  private final String file;

  private final long line;

  private final String table;

  private final String reason;

  private final String record;

  AutoValue_Reject(
      String file,
      long line,
      String table,
      String reason,
      String record) {
    if (file == null) {
      throw new NullPointerException("Null file");
    }
    this.file = file;
    this.line = line;
    if (table == null) {
      throw new NullPointerException("Null table");
    }
    this.table = table;
    if (reason == null) {
      throw new NullPointerException("Null reason");
    }
    this.reason = reason;
    if (record == null) {
      throw new NullPointerException("Null record");
    }
    this.record = record;
  }

  @Override
  public String getFile() {
    return file;
  }

  @Override
  public long getLine() {
    return line;
  }

  @Override
  public String getTable() {
    return table;
  }

  @Override
  public String getReason() {
    return reason;
  }

  @Override
  public String getRecord() {
    return record;
  }

  @Override
  public String toString() {
    return "Reject{"
        + "file=" + file + ", "
        + "line=" + line + ", "
        + "table=" + table + ", "
        + "reason=" + reason + ", "
        + "record=" + record
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof Reject) {
      Reject that = (Reject) o;
      return this.file.equals(that.getFile())
          && this.line == that.getLine()
          && this.table.equals(that.getTable())
          && this.reason.equals(that.getReason())
          && this.record.equals(that.getRecord());
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= file.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((line >>> 32) ^ line);
    h$ *= 1000003;
    h$ ^= table.hashCode();
    h$ *= 1000003;
    h$ ^= reason.hashCode();
    h$ *= 1000003;
    h$ ^= record.hashCode();
    return h$;
  }

}
