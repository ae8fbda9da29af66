Feature: Comments received after the deadline but within its extension
  As a secretariat officer
  I want every comment judged against the deadlines as they now stand
  So that comments sent within an extension are reproduced with those received on time, and late ones separately

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 1 December 2019 with the deadline 12 March 2020

  Rule: A comment received by the original deadline is on time

    Example: Ecuador answers before 12 March 2020
      When a submission from the Member State "Ecuador" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      Then the submission from "Ecuador" for 2020 under the 2018-2021 workplan of cybercrime-egm is on time

  Rule: A comment received after the original deadline but by the extended one is within the extension

    Example: Norway answers in May, after the deadline was extended to 1 June 2020
      Given the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 1 April 2020 because "The postponement of the sixth session"
      When a submission from the Member State "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 20 May 2020
      Then the submission from "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is within the extension

  Rule: An extension granted later turns a late comment into one within the extension

    Example: A comment received in March, before the deadline was extended
      Given a submission from the Member State "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 20 March 2020
      And the submission from "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is late
      When the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 1 April 2020 because "The postponement of the sixth session"
      Then the submission from "Norway" for 2020 under the 2018-2021 workplan of cybercrime-egm is within the extension
      And the deadline in force for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 1 June 2020, extended once from 12 March 2020

  Rule: A comment received after the extended deadline is late

    Example: An observer answers in June
      Given the intergovernmental organization "Council of Europe" is admitted as an observer to cybercrime-egm on 17 January 2011
      And the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is extended to 1 June 2020 on 1 April 2020 because "The postponement of the sixth session"
      When a submission from the Observer "Council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 June 2020
      Then the submission from "Council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is late
      And on 15 June 2020 the deadline for 2020 comments under the 2018-2021 workplan of cybercrime-egm is 14 days past
