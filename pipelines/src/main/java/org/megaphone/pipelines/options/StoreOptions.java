package org.megaphone.pipelines.options;

import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Where an object store is, for inputs and outputs given as {@code s3://bucket/prefix}: Beam's S3
 * options ({@code --awsRegion}, {@code --endpoint} for an S3-compatible store such as MinIO or
 * Ceph) and path-style addressing. Credentials come from the AWS default chain only (environment,
 * system properties, profile, web identity, container or instance role): keys given as an option
 * would travel inside the options to every worker.
 */
public interface StoreOptions extends S3Options {
  @Description(
      "Address buckets by path (http://endpoint/bucket/key) instead of by host name, as most"
          + " S3-compatible stores (MinIO, Ceph) need.")
  @Default.Boolean(false)
  boolean getS3PathStyle();

  void setS3PathStyle(boolean value);

  /**
   * Registers Beam's file systems (local, s3) with the run's store options, in the driver; the
   * workers register them from the options they are sent.
   *
   * @throws UsageException when credentials are given as an option
   */
  static void register(PipelineOptions options) {
    StoreOptions store = options.as(StoreOptions.class);
    if (store.getAwsCredentialsProvider() instanceof StaticCredentialsProvider) {
      throw new UsageException(
          "--awsCredentialsProvider: keys given as an option would be sent with the job's options;"
              + " give them through the AWS default chain instead (AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, a profile, or the machine's role)");
    }
    if (store.getS3PathStyle()) {
      store.setS3ClientFactoryClass(PathStyleS3ClientBuilderFactory.class);
    }
    FileSystems.setDefaultPipelineOptions(options);
  }
}
