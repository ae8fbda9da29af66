Feature: A deadline ends at midnight where the secretariat is
  As a secretariat officer in Vienna
  I want a comment received at a known moment judged against the end of the deadline's day in Vienna
  So that a comment sent from New York late in the evening of the deadline day is not counted as on time

  Background:
    Given the body cybercrime-egm is established on 21 December 2010 in the zone Europe/Vienna
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020

  Rule: A comment received at a moment is judged as an instant against the end of the deadline's day in the body's zone

    Example: A comment sent from New York at 23:30 on the deadline day arrived after a Vienna deadline
      When a submission from the Member State "United States of America" for 2020 under the 2018-2021 workplan of cybercrime-egm is received at "2020-03-12T23:30-05:00"
      Then the submission from "United States of America" for 2020 under the 2018-2021 workplan of cybercrime-egm is late
      And the submission from "United States of America" was received at "2020-03-13T04:30:00.000000+00:00"

    Example: A comment sent from Vienna at 23:30 on the deadline day arrived on time
      When a submission from the Member State "Austria" for 2020 under the 2018-2021 workplan of cybercrime-egm is received at "2020-03-12T23:30+01:00"
      Then the submission from "Austria" for 2020 under the 2018-2021 workplan of cybercrime-egm is on time

    Example: A comment sent from Bangkok in the morning after the deadline day arrived on time in Vienna
      When a submission from the Member State "Thailand" for 2020 under the 2018-2021 workplan of cybercrime-egm is received at "2020-03-13T05:30+07:00"
      Then the submission from "Thailand" for 2020 under the 2018-2021 workplan of cybercrime-egm is on time

  Rule: A comment known by its date only is judged by that date

    Example: A comment received on the deadline day is on time
      When a submission from the Member State "Chile" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 12 March 2020
      Then the submission from "Chile" for 2020 under the 2018-2021 workplan of cybercrime-egm is on time
      And the submission from "Chile" was received at no moment known

  Rule: A moment later than now is not recorded

    Example: A receipt dated in the future is refused
      When a submission from the Member State "Chile" for 2020 under the 2018-2021 workplan of cybercrime-egm is received an hour from now
      Then the officer is told a message that starts "this was received at"
      And nothing is recorded
