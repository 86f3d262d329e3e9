package ai.lepton.ml.task;

import ai.lepton.ml.engagement.RequirementsRecord;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The four-eyes rule for a decision on an engagement's model, on facts from the record only: the
 * one deciding is the logged-in user, a model risk officer, who neither started the engagement
 * (Camunda's start user) nor set its requirements (Lepton's requirements record).
 *
 * @param done what is done, in the passive ("approved or rejected")
 * @param doAny what a non-officer may not do ("approve or reject models")
 * @param doThis what someone close to the engagement may not do ("approve its model")
 */
record FourEyes(String done, String doAny, String doThis) {

  /** Only members of this group decide on models. */
  static final String OFFICERS = "model-risk-officers";

  static final FourEyes APPROVAL =
      new FourEyes("approved or rejected", "approve or reject models", "approve its model");

  static final FourEyes CHALLENGER_TRIAL =
      new FourEyes(
          "promoted or retired from a trial",
          "promote or retire challengers",
          "decide its challenger's trial");

  /** Why the task's current user may not decide, or null when they may. */
  String breach(DelegateTask task, RequirementsRecord requirements) {
    String user = CurrentUser.of(task);
    if (user == null) {
      return "A model can only be " + done + " by a logged-in user";
    }
    if (!CurrentUser.groups(task).contains(OFFICERS)) {
      return user + " is not a model risk officer and so cannot " + doAny;
    }
    if (user.equals(CurrentUser.startUserOf(task))) {
      return user + " started this engagement and so cannot " + doThis;
    }
    if (requirements.setters(task.getExecution().getProcessBusinessKey()).contains(user)) {
      return user + " set this engagement's requirements and so cannot " + doThis;
    }
    return null;
  }
}
