package org.megaphone.read;

import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_InputFile extends InputFile {

  private final String table;

  private final String path;

  private final long bytes;

  private final String sha256;

  private final long rows;

  private final long rejected;

  AutoValue_InputFile(
      String table,
      String path,
      long bytes,
      String sha256,
      long rows,
      long rejected) {
    if (table == null) {
      throw new NullPointerException("Null table");
    }
    this.table = table;
    if (path == null) {
      throw new NullPointerException("Null path");
    }
    this.path = path;
    this.bytes = bytes;
    if (sha256 == null) {
      throw new NullPointerException("Null sha256");
    }
    this.sha256 = sha256;
    this.rows = rows;
    this.rejected = rejected;
  }

  @Override
  public String getTable() {
    return table;
  }

  @Override
  public String getPath() {
    return path;
  }

  @Override
  public long getBytes() {
    return bytes;
  }

  @Override
  public String getSha256() {
    return sha256;
  }

  @Override
  public long getRows() {
    return rows;
  }

  @Override
  public long getRejected() {
    return rejected;
  }

  @Override
  public String toString() {
    return "InputFile{"
        + "table=" + table + ", "
        + "path=" + path + ", "
        + "bytes=" + bytes + ", "
        + "sha256=" + sha256 + ", "
        + "rows=" + rows + ", "
        + "rejected=" + rejected
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof InputFile) {
      InputFile that = (InputFile) o;
      return this.table.equals(that.getTable())
          && this.path.equals(that.getPath())
          && this.bytes == that.getBytes()
          && this.sha256.equals(that.getSha256())
          && this.rows == that.getRows()
          && this.rejected == that.getRejected();
    }
    return false;
  }

  @Override
  public int hashCode() {
    int h$ = 1;
    h$ *= 1000003;
    h$ ^= table.hashCode();
    h$ *= 1000003;
    h$ ^= path.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((bytes >>> 32) ^ bytes);
    h$ *= 1000003;
    h$ ^= sha256.hashCode();
    h$ *= 1000003;
    h$ ^= (int) ((rows >>> 32) ^ rows);
    h$ *= 1000003;
    h$ ^= (int) ((rejected >>> 32) ^ rejected);
    return h$;
  }

}
