package tw.gov.civitas.runtime.services;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import tw.gov.civitas.core.audit.AuditLog;
import tw.gov.civitas.core.module.Platform;
import tw.gov.civitas.core.security.Caller;
import tw.gov.civitas.spi.runtime.AuditRecorder;

/**
 * The SPI's audit recorder: the core's append-only trail, the actor being the current user or job.
 */
@Dependent
public class RuntimeAuditRecorder implements AuditRecorder {

  @Inject AuditLog audit;
  @Inject RuntimeCurrentUser user;
  @Inject Platform platform;

  @Override
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String siteKey,
      String action,
      String entityType,
      String entityId,
      String before,
      String after) {
    String module =
        action == null || action.indexOf('.') < 1 ? null : action.substring(0, action.indexOf('.'));
    if (module == null || platform.registry().module(module).isEmpty()) {
      throw new IllegalStateException(
          "Audit action '" + action + "' is not namespaced by an installed module");
    }
    Caller actor =
        user.actor().orElse(new Caller("anonymous", java.util.Set.of(), java.util.Map.of(), null));
    audit.record(actor, siteKey, action, entityType, entityId, before, after);
  }
}
