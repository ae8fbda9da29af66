Feature: Comments received after the deadline but within its extension
  As a secretariat officer
  I want every comment judged against the deadlines as they now stand
  So that comments sent within an extension are reproduced with those received on time, and late ones separately

  Background:
    Given the body "cybercrime-egm" is established
    And its 2018-2021 workplan is adopted
    And comments for 2020 are requested with a deadline of 2020-03-12

  Rule: A comment received by the original deadline is on time

    Example: Ecuador answers before 12 March 2020
      When a comment from the member-state "Ecuador" is received on 2020-03-10
      Then the comment from "Ecuador" is on-time

  Rule: A comment received after the original deadline but by the extended one is within the extension

    Example: Norway answers in May, after the deadline was extended to 1 June 2020
      Given the deadline is extended on 2020-04-01 to 2020-06-01 because of "the postponement of the sixth session"
      When a comment from the member-state "Norway" is received on 2020-05-20
      Then the comment from "Norway" is within-extension

  Rule: An extension granted later turns a late comment into one within the extension

    Example: A comment received in March, before the deadline was extended
      Given a comment from the member-state "Norway" is received on 2020-03-20
      And the comment from "Norway" is late
      When the deadline is extended on 2020-04-01 to 2020-06-01 because of "the postponement of the sixth session"
      Then the comment from "Norway" is within-extension
      And the deadline in force is 2020-06-01, extended from 2020-03-12

  Rule: A comment received after the extended deadline is late

    Example: An observer answers in June
      Given the deadline is extended on 2020-04-01 to 2020-06-01 because of "the postponement of the sixth session"
      When a comment from the observer "Council of Europe" is received on 2020-06-10
      Then the comment from "Council of Europe" is late
      And on 2020-06-15 the deadline is 14 days past
