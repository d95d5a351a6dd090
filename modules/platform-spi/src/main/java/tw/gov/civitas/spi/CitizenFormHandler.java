package tw.gov.civitas.spi;

import java.util.Map;

/**
 * What happens when a signed-in citizen sends a module's {@link CitizenFormDescriptor form}: a CDI
 * bean of the module, called in the citizen's request after the platform checked the form's CSRF
 * token and that the caller is a citizen ({@link tw.gov.civitas.spi.runtime.CurrentUser} names
 * them), inside a transaction: whatever the handler throws, nothing of the submission is stored.
 *
 * <p>Implement one of the two {@code submit} methods: {@link #submit(CitizenFormSubmission)} when
 * the form has file fields (the deployment fails otherwise), or {@link #submit(String, Map)} for
 * text alone.
 */
public interface CitizenFormHandler {

  /**
   * A text-only form's submission.
   *
   * @param siteKey the site whose form it is
   * @param values field name → the text entered
   * @return what the citizen reads once it is received, e.g. "案件編號 A-1024"
   * @throws tw.gov.civitas.spi.runtime.InvalidInputException shown next to each field named;
   *     nothing is stored
   */
  default String submit(String siteKey, Map<String, String> values) {
    throw new UnsupportedOperationException(
        getClass().getName() + " implements neither submit method");
  }

  /**
   * A submission with its files: called by the platform for every form. The files were checked
   * against their fields' rules (media types by content, size) and stored as the citizen's private
   * files.
   *
   * @return what the citizen reads once it is received
   * @throws tw.gov.civitas.spi.runtime.InvalidInputException shown next to each field named;
   *     nothing is stored, the submission's files included
   */
  default String submit(CitizenFormSubmission submission) {
    return submit(submission.siteKey(), submission.values());
  }

  /**
   * What the form shows for one request, called each time it is rendered (the first time and again
   * with a submission's errors): its introduction, the options of its choice fields, the values its
   * fields start with and the context it carries back. The values of a submission include the
   * context, which the handler checks again.
   */
  default CitizenFormPreparation prepare(CitizenFormRequest request) {
    return CitizenFormPreparation.none();
  }
}
