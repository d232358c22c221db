package org.megaphone.attribution;

import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.megaphone.model.Account;

/**
 * Gathers the accounts into one validated {@link Roster}.
 *
 * <p>Input: the accounts rows (bounded, small: the roster is configuration). Output: a singleton
 * side input. An invalid roster (a repeated platform and handle, an entity with two roles) fails
 * the pipeline with an {@link org.megaphone.read.InputException} naming files and lines.
 */
public final class BuildRoster extends PTransform<PCollection<Account>, PCollectionView<Roster>> {

  @Override
  public PCollectionView<Roster> expand(PCollection<Account> accounts) {
    return accounts
        .apply("GatherAccounts", Combine.globally(new ToList<Account>()))
        .apply("ValidateRoster", ParDo.of(new ValidateFn()))
        .setCoder(SerializableCoder.of(Roster.class))
        .apply("ViewRoster", View.asSingleton());
  }

  private static final class ValidateFn extends DoFn<List<Account>, Roster> {
    @ProcessElement
    public void process(@Element List<Account> accounts, OutputReceiver<Roster> out) {
      out.output(Roster.of(accounts));
    }
  }
}
