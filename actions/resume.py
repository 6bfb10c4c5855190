"""Going on where the conversation was, after an answer to a side question."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.messages import CONSENT_AGAIN, GOING_ON, YES_NO_CONSENT, YES_NO_SUMMARY


def resume(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    phase: str | None = None,
    start_form: bool = True,
) -> list[EventType]:
    """Say that the intake goes on, or ask the open question of the summary or consent again.

    Inside the intake form the form itself asks its open question again right after this.
    Before anything was told, the intake form starts: its first question is the one about the
    initiative, so the answer to it is read as that (the events to return for it).
    """
    if tracker.active_loop.get("name"):
        dispatcher.utter_message(text=GOING_ON)
        return []
    phase = phase or tracker.get_slot("phase")
    if phase == "summary":
        dispatcher.utter_message(text="Klopt de samenvatting van uw vraag?", buttons=YES_NO_SUMMARY)
    elif phase == "consent":
        dispatcher.utter_message(text=CONSENT_AGAIN, buttons=YES_NO_CONSENT)
    elif (
        not tracker.get_slot("goal")
        and not tracker.get_slot("case_reference")
        and phase != "done"
        and not tracker.get_slot("erase_pending")
    ):
        if start_form:
            return [FollowupAction("intake_form")]
        dispatcher.utter_message(response="utter_ask_initiative")
    return []
