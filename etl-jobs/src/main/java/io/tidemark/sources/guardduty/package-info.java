/**
 * GuardDuty findings delivered through EventBridge.
 */
package io.tidemark.sources.guardduty;
