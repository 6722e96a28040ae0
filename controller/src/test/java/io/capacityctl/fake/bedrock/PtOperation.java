package io.capacityctl.fake.bedrock;

/**
 * The Bedrock PT operations the fake serves, with their REST-JSON method, path and success code.
 */
public enum PtOperation {
  CREATE("CreateProvisionedModelThroughput", "POST", "/provisioned-model-throughput", 201),
  LIST("ListProvisionedModelThroughputs", "GET", "/provisioned-model-throughputs", 200),
  GET("GetProvisionedModelThroughput", "GET", "/provisioned-model-throughput/{id}", 200),
  UPDATE("UpdateProvisionedModelThroughput", "PATCH", "/provisioned-model-throughput/{id}", 200),
  DELETE("DeleteProvisionedModelThroughput", "DELETE", "/provisioned-model-throughput/{id}", 200),
  LIST_TAGS("ListTagsForResource", "POST", "/listTagsForResource", 200),
  TAG_RESOURCE("TagResource", "POST", "/tagResource", 200);

  private final String apiName;
  private final String method;
  private final String pathTemplate;
  private final int successStatus;

  PtOperation(String apiName, String method, String pathTemplate, int successStatus) {
    this.apiName = apiName;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.successStatus = successStatus;
  }

  public String apiName() {
    return apiName;
  }

  public int successStatus() {
    return successStatus;
  }

  /** True when this operation is served at {@code method} and {@code path} (the raw path). */
  boolean matches(String method, String path) {
    if (!this.method.equals(method)) {
      return false;
    }
    if (!pathTemplate.endsWith("{id}")) {
      return pathTemplate.equals(path);
    }
    String base = pathTemplate.substring(0, pathTemplate.length() - "{id}".length());
    return path.startsWith(base)
        && path.length() > base.length()
        && path.indexOf('/', base.length()) < 0;
  }

  /** The raw (still URL-encoded) {@code {id}} segment of {@code path}. */
  String rawId(String path) {
    return path.substring(pathTemplate.length() - "{id}".length());
  }
}
