/** Test support: a small baseline and a layer on it, as the playground shows them. */

export const BASELINE_URI = "rules/bps/policy.precept";
export const LAYER_URI = "rules/clinic/policy.precept";

export const BASELINE = `policy "BPS baseline" version "1.0"
source bps: "e-Professionalism", British Psychological Society, 2012

outcomes, strongest first:
  prohibit "must not"
  decline "should not be done"
  seek advice "ask first"
  allow "consistent with the guidance"
otherwise no guidance "the guidance says nothing here"

fact relationship: one of current service user, former service user, colleague
  asks "Who is the other person?"
fact capacity: one of personal, professional
fact identifiable information: yes or no
  asks "Could the material identify a service user?"
fact explicit consent to publish: yes or no
fact age: number (years)

term "current service user": relationship is current service user
  means "the other person is a current service user"
term "personal capacity": capacity is personal
term child: age < 18

rule 1.1 "No identifiable information without consent"
  cites bps §1 "do not share identifiable information without permission"
  when identifiable information and not explicit consent to publish
  then prohibit
  because "social media are public"
  advise "Ask for explicit permission."

rule 3.1 "Friend requests": current service user and personal capacity → decline
  cites bps §3 "politely decline"

scenario "Friend request"
  given relationship is current service user, capacity is personal
  expect decline by rule 3.1
`;

export const LAYER = `policy "Clinic" version "1" extends "../bps/policy.precept"
source clinic: "Clinic handbook", Northfield, 2024

fact team member: yes or no

exception to rule 3.1 "Team events"
  when team member
  then allow
  because "staff events are run by the clinic"
`;
