package tw.gov.civitas.scheduler;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import tw.gov.civitas.core.startup.PlatformStartup;

/**
 * Starts the platform when the EAR deploys; a failure here fails the deployment with its message.
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformStartupBean {

  @Inject PlatformStartup startup;
  @Inject tw.gov.civitas.core.module.Platform platform;

  @PostConstruct
  void start() {
    // A module's resource or job that breaks the rules fails the deployment here, naming the
    // module.
    tw.gov.civitas.runtime.ModuleResources.checkAll(platform.registry());
    startup.start();
  }
}
