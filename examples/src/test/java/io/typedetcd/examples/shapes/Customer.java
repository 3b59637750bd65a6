package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;

/** A JavaBean (private fields, getters and setters) in the DOCUMENT layout. */
@EtcdEntity(prefix = "/ex/shapes/customers")
public class Customer {
  @Key private String id;
  private String email;
  private boolean active;
  private int loyalty;
  @Version private long version;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public int getLoyalty() {
    return loyalty;
  }

  public void setLoyalty(int loyalty) {
    this.loyalty = loyalty;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public static Customer of(String id, String email, boolean active, int loyalty) {
    Customer c = new Customer();
    c.setId(id);
    c.setEmail(email);
    c.setActive(active);
    c.setLoyalty(loyalty);
    return c;
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Customer, String> {}
}
