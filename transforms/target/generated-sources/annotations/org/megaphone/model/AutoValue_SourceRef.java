package org.megaphone.model;

import javax.annotation.processing.Generated;

@Generated("com.google.auto.value.processor.AutoValueProcessor")
final class AutoValue_SourceRef extends SourceRef {

  private final String file;

  private final long line;

  private final String record;

  AutoValue_SourceRef(
      String file,
      long line,
      String record) {
    if (file == null) {
      throw new NullPointerException("Null file");
    }
    this.file = file;
    this.line = line;
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
  public String getRecord() {
    return record;
  }

  @Override
  public String toString() {
    return "SourceRef{"
        + "file=" + file + ", "
        + "line=" + line + ", "
        + "record=" + record
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (o instanceof SourceRef) {
      SourceRef that = (SourceRef) o;
      return this.file.equals(that.getFile())
          && this.line == that.getLine()
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
    h$ ^= record.hashCode();
    return h$;
  }

}
