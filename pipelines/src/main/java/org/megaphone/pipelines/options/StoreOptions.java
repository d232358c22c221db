package org.megaphone.pipelines.options;

import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.megaphone.read.Locations;
import software.amazon.awssdk.regions.Region;

/**
 * Where an object store is, for inputs and outputs given as {@code s3://bucket/prefix}: Beam's S3
 * options ({@code --awsRegion}, {@code --endpoint} for an S3-compatible store such as MinIO or
 * Ceph) and path-style addressing. Credentials come from the AWS default chain only (environment,
 * system properties, profile, web identity, container or instance role): keys given as an option
 * would travel inside the options to every worker ({@link #refuseSecrets}).
 */
public interface StoreOptions extends S3Options {
  @Description(
      "Address buckets by path (http://endpoint/bucket/key) instead of by host name, as most"
          + " S3-compatible stores (MinIO, Ceph) need.")
  @Default.Boolean(false)
  boolean getS3PathStyle();

  void setS3PathStyle(boolean value);

  /** Beam's options that carry a secret; any run that is given one is refused. */
  List<String> SECRET_OPTIONS =
      List.of("awsCredentialsProvider", "proxyConfiguration", "SSECustomerKey");

  /**
   * Refuses the options that carry a secret, before Beam reads them (its errors would print the
   * value): keys given as options would travel with the job's options to every worker.
   *
   * @throws UsageException naming the option, never its value
   */
  static void refuseSecrets(String[] args) {
    for (String a : args) {
      for (String option : SECRET_OPTIONS) {
        if (a.startsWith("--" + option + "=") || a.equals("--" + option)) {
          throw new UsageException(
              "--"
                  + option
                  + " is not taken: a secret given as an option would be sent with the job's"
                  + " options to every worker. Give credentials through the AWS default chain"
                  + " (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or the machine's"
                  + " or pod's role)");
        }
      }
    }
  }

  /**
   * Registers Beam's file systems (local, s3) with the run's store options, in the driver; the
   * workers register them from the options they are sent. A run that uses no store gets a fixed
   * region, so that registering the S3 file system never looks one up (the AWS chain's last resort
   * asks the cloud's metadata service, which a machine outside a cloud may not answer).
   *
   * @param storeInUse whether any path of the run is in a store
   */
  static void register(PipelineOptions options, boolean storeInUse) {
    StoreOptions store = options.as(StoreOptions.class);
    if (!storeInUse) {
      store.setAwsRegion(Region.US_EAST_1);
    }
    if (store.getS3PathStyle()) {
      store.setS3ClientFactoryClass(PathStyleS3ClientBuilderFactory.class);
    }
    Integer buffer = store.getS3UploadBufferSizeBytes();
    if (buffer == null || buffer == BEAM_UPLOAD_BUFFER) {
      // Beam's 64 MiB is allocated for every file open for writing; reports are small.
      store.setS3UploadBufferSizeBytes(UPLOAD_BUFFER);
    }
    FileSystems.setDefaultPipelineOptions(options);
  }

  /** Beam's default upload buffer on a heap of 512 MB or more. */
  int BEAM_UPLOAD_BUFFER = 64 * 1024 * 1024;

  /** Megaphone's: each part of an upload (S3's smallest part is 5 MiB). */
  int UPLOAD_BUFFER = 8 * 1024 * 1024;

  /** Whether any of the paths is in a store. */
  static boolean anyInStore(String... paths) {
    for (String p : paths) {
      if (Locations.isRemote(p)) {
        return true;
      }
    }
    return false;
  }
}
