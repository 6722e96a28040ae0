package io.capacityctl.ports;

/** Bedrock provisioned-throughput status, as the control plane reports it. */
public enum PtStatus {
  CREATING,
  IN_SERVICE,
  UPDATING,
  FAILED
}
