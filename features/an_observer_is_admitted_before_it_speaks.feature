Feature: An observer is admitted before it speaks
  As a secretariat officer
  I want the observers of a body admitted on the record before their statements and comments are recorded
  So that whoever speaks or writes is a Member State or an observer the body admitted, and is known as one

  Background:
    Given the body cybercrime-egm is established on 21 December 2010
    And the 2018-2021 workplan of cybercrime-egm is adopted at its 4th session on 5 April 2018, with a stocktaking meeting no later than 2021 and the topics:
      | year | topics                                |
      | 2020 | International cooperation; Prevention |
    And comments for 2020 under the 2018-2021 workplan of cybercrime-egm are requested on 2 December 2019 with the deadline 12 March 2020

  Rule: An observer not admitted is refused, as any unknown name is

    Example: The Council of Europe's comments before its admission
      When a submission from "Council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      Then the officer is told "'Council of Europe' is neither a Member State of the United Nations nor an observer admitted to cybercrime-egm (an expert in a personal capacity is recorded as unlisted)"
      And nothing is recorded

  Rule: An admitted observer is known however it is written, and sends as an observer

    Example: The Council of Europe's comments once admitted
      Given the intergovernmental organization "Council of Europe" is admitted as an observer to cybercrime-egm on 17 January 2011
      When a submission from "council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      Then the submission is recorded as from the Observer "Council of Europe", written "council of Europe"

    Example: An observer's comments said to come from a Member State
      Given the intergovernmental organization "Council of Europe" is admitted as an observer to cybercrime-egm on 17 January 2011
      When a submission from the Member State "Council of Europe" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      Then the officer is told "Council of Europe is an observer admitted to cybercrime-egm, not a Member State"
      And nothing is recorded

    Example: A Member State sends as a Member State
      When a submission from "Türkiye" for 2020 under the 2018-2021 workplan of cybercrime-egm is received on 10 March 2020
      Then the submission is recorded as from the Member State "Türkiye", written "Türkiye"

  Rule: An observer is admitted once, and a Member State is never one

    Example: The Council of Europe admitted twice
      Given the intergovernmental organization "Council of Europe" is admitted as an observer to cybercrime-egm on 17 January 2011
      When the intergovernmental organization "COUNCIL OF EUROPE" is admitted as an observer to cybercrime-egm on 1 February 2011
      Then the officer is told "'Council of Europe' was already admitted as an observer to cybercrime-egm on 2011-01-17"
      And nothing is recorded
      And cybercrime-egm has the observers "Council of Europe"

    Example: A Member State admitted as an observer
      When the State that is not a Member "Turkey" is admitted as an observer to cybercrime-egm on 17 January 2011
      Then the officer is told "'Turkey' is a Member State of the United Nations (Türkiye): it is a member of cybercrime-egm, not an observer"
      And nothing is recorded

    Example: A State that is not a Member is admitted
      When the State that is not a Member "Holy See" is admitted as an observer to cybercrime-egm on 17 January 2011
      Then cybercrime-egm has the observers "Holy See"
