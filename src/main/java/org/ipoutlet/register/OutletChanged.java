package org.ipoutlet.register;

/**
 * Published (as a Spring application event, in the writer's transaction) when an outlet's basic
 * information in the register changes (Art. 10), so that the provincial office in charge of it hears
 * of the change and a move to another province hands it to that province's office (Art. 4, 15).
 */
public record OutletChanged(Outlet before, Outlet after) {

	public boolean provinceChanged() {
		return !before.details().province().equals(after.details().province());
	}

}
