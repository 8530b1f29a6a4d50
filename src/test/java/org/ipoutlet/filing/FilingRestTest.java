package org.ipoutlet.filing;

import org.ipoutlet.identity.WebTest;

/** The filing through REST on the embedded H2 database. */
@WebTest
class FilingRestTest extends FilingOverRestScenario {
}
