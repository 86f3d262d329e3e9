package ai.lepton.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ai.lepton.ml.audit.AuditTrail;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a host application without Lepton's login gets from the API: deny by default, read rules by
 * group.
 */
class ApiAccessFilterTest {

  private final IdentityService identity = mock(IdentityService.class);
  private final AuditTrail audit = mock(AuditTrail.class);
  private final ApiAccessFilter filter = new ApiAccessFilter(identity, audit, new ObjectMapper());

  private MockHttpServletResponse call(String path, String user, String... groups)
      throws Exception {
    when(identity.getCurrentAuthentication())
        .thenReturn(user == null ? null : new Authentication(user, List.of(groups)));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setServletPath(path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    filter.doFilter(request, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(200);
    }
    return response;
  }

  @Test
  void aCallNobodyLoggedInToIsRefused() throws Exception {
    MockHttpServletResponse response = call("/api/models", null);
    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentAsString()).contains("no user is logged in");
    assertThat(call("/api/decisions/churn-risk", null).getStatus()).isEqualTo(401);
  }

  @Test
  void rawDataTheDecisionLogAndTheAuditTrailOnlyForTheirGroupsAndEachRefusalIsAudited()
      throws Exception {
    assertThat(call("/api/datasets/ds-1/file", "co", "credit-officers").getStatus()).isEqualTo(403);
    assertThat(call("/api/audit", "pm", "project-managers").getStatus()).isEqualTo(403);
    assertThat(call("/api/decisions", "ds", "data-scientists").getStatus()).isEqualTo(403);
    verify(audit)
        .refusal(
            eq("co"),
            eq("path"),
            eq("/api/datasets/ds-1/file"),
            anyString(),
            anyString(),
            anyMap());
    assertThat(call("/api/datasets/ds-1/file", "ds", "data-scientists").getStatus()).isEqualTo(200);
    assertThat(call("/api/audit/verify", "auditor", "auditors").getStatus()).isEqualTo(200);
    assertThat(call("/api/models", "co", "credit-officers").getStatus()).isEqualTo(200);
  }

  @Test
  void aPermittedCallIsNotAudited() throws Exception {
    call("/api/models", "pm", "project-managers");
    verify(audit, never()).refusal(any(), any(), any(), any(), any(), any());
  }
}
