/**
 * Running the application in production (README "Production: several nodes"): the first administrator
 * from the environment, the {@code /actuator} endpoints (health for the load balancer, Prometheus
 * metrics for administrators) and the engine's job counters behind them.
 */
package org.ipoutlet.operations;
