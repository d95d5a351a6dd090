package tw.gov.civitas.runtime.services;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import tw.gov.civitas.spi.runtime.ModuleDatabase;

/** The SPI's database: the platform's JTA data source. */
@ApplicationScoped
public class RuntimeModuleDatabase implements ModuleDatabase {

  @Resource(lookup = "java:jboss/datasources/CivitasDS")
  DataSource dataSource;

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
