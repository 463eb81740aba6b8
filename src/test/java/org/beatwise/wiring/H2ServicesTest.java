package org.beatwise.wiring;

import java.nio.file.Path;

/** The services on the data home's own H2 file. */
class H2ServicesTest extends ServicesOnBothEnginesContract {

    @Override
    Services open(Path home) {
        return new Services(new DataHome(home), clock);
    }
}
