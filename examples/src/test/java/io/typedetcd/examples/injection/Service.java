package io.typedetcd.examples.injection;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;

/** A registered service. */
@EtcdEntity(prefix = "/ex/injection/services")
public record Service(@Key String name, String url, @Version long version) {}
