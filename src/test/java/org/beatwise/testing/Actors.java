package org.beatwise.testing;

import org.beatwise.domain.Actor;
import org.beatwise.domain.Role;

/** Actors for tests that call the services directly. */
public final class Actors {

    private Actors() { }

    public static Actor admin(String name) {
        return new Actor(name, Role.ADMIN);
    }

    public static Actor analyst(String name) {
        return new Actor(name, Role.ANALYST);
    }
}
