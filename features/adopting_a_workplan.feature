Feature: Adopting a workplan
  As a secretariat officer
  I want to record the workplan a body adopts: its period, the topics of each year and its milestones
  So that each year's session, call for comments and stocktaking can be followed against it

  Background:
    Given the body cybercrime-egm is established on 21 December 2010

  Rule: A workplan sets the topics of the years of its period, and may set a stocktaking milestone

    Example: The 2018-2021 workplan is adopted at the 4th meeting
      When the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
        | year | topics                                                       |
        | 2018 | Legislation and frameworks; Criminalization                  |
        | 2019 | Law enforcement and investigations; Electronic evidence and criminal justice |
        | 2020 | International cooperation; Prevention                        |
      Then the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
        | year | topics                                                       |
        | 2018 | Legislation and frameworks; Criminalization                  |
        | 2019 | Law enforcement and investigations; Electronic evidence and criminal justice |
        | 2020 | International cooperation; Prevention                        |

    Example: A workplan without a stocktaking milestone lists its years in order
      When the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
        | 2018 | Legislation and frameworks            |
      Then the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                                |
        | 2018 | Legislation and frameworks            |
        | 2020 | International cooperation; Prevention |

  Rule: The session that adopted the workplan is taken as stated, since older sessions may predate the record

    Example: A workplan adopted at a session that is not on record is adopted
      When the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
      Then the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |

  Rule: The years of the topics and of the stocktaking fall inside the workplan's period

    Example: Topics for a year after the period are refused
      When the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
        | 2022 | Stocktaking                           |
      Then the officer is told "a topic year 2022 falls outside the period 2018-2021"
      And nothing is recorded

    Example: A stocktaking milestone after the period is refused
      When the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2022 and the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
      Then the officer is told "the stocktaking year 2022 falls outside the period 2018-2021"
      And nothing is recorded

  Rule: A workplan gives the topics of each year once

    Example: A workplan that lists the topics of 2020 twice is refused
      When the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                    |
        | 2020 | International cooperation |
        | 2020 | Prevention                |
      Then the officer is told "the topics for 2020 are given more than once"
      And nothing is recorded

  Rule: A body adopts its workplan for a period once

    Example: Adopting the 2018-2021 workplan a second time is refused
      Given the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
      When the 2018-2021 workplan of cybercrime-egm is adopted at its 5th session on 29 March 2019 with the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
      Then the officer is told "the 2018-2021 workplan of cybercrime-egm is already adopted"
      And nothing is recorded

  Rule: Only an established body adopts a workplan

    Example: A workplan of a body that was never established is refused
      When the 2018-2021 workplan of cybercrime-study-group is adopted at its 4th session on 5 April 2018 with the topics:
        | year | topics                                |
        | 2020 | International cooperation; Prevention |
      Then the officer is told "there is no body 'cybercrime-study-group'; establish it first"
      And nothing is recorded
